import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shortKeyId } from '../../src/core/key.js';
import { createGenesis, appendRotation } from '../../src/core/ledger/index.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';
import { ACTOR, day, key, PROJECT_ID, sampleLedger, T0 } from '../core/ledger/fixtures.js';

let repo: TempRepo;
beforeAll(() => ensureBuilt());
afterEach(() => repo?.cleanup());

function write(file: string, value: unknown): void {
  repo.write(file, `${JSON.stringify(value, null, 2)}\n`);
}

describe('envguard verify', () => {
  it('exits 0 and names the current key when every ledger verifies', () => {
    repo = createTempRepo();
    write('.env.ledger.json', sampleLedger());
    write('.env.production.ledger.json', createGenesis({ key: key(5), projectId: PROJECT_ID, environment: 'production', actor: ACTOR, now: T0 }));
    const result = runCli(['verify'], { cwd: repo.dir, env: repo.env });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`default (.env.ledger.json): 4 entries, chain and signatures valid, current key ${shortKeyId(key(3))}`);
    expect(result.stdout).toContain('production (.env.production.ledger.json): 1 entry');
  });

  it('exits 1 and reports the edited entry precisely, in text and JSON', () => {
    repo = createTempRepo();
    const ledger = sampleLedger();
    (ledger.entries[2] as { reason: string }).reason = 'nothing to see here';
    write('.env.ledger.json', ledger);
    const text = runCli(['verify'], { cwd: repo.dir, env: repo.env });
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('entry 2 [signature]');
    expect(text.stdout).toContain('entry 3 [prev-hash]');
    expect(text.stdout).toContain('fix: compare with history (`git log -p -- .env.ledger.json`)');
    const json = runCli(['verify', '--json', '--env', 'default'], { cwd: repo.dir, env: repo.env });
    expect(json.status).toBe(1);
    const parsed = JSON.parse(json.stdout) as { valid: boolean; environments: Array<{ report: { problems: Array<{ entry: number; code: string; path: string }> } }> };
    expect(parsed.valid).toBe(false);
    expect(parsed.environments[0]?.report.problems[0]).toMatchObject({ entry: 2, code: 'signature', path: '/entries/2/signatures/0/signature' });
  });

  it('exits 1 naming the file when the ledger is not JSON (e.g. conflict markers)', () => {
    repo = createTempRepo();
    repo.write('.env.ledger.json', '{\n<<<<<<< HEAD\n  "version": 1\n=======\n>>>>>>> other\n}\n');
    const result = runCli(['verify'], { cwd: repo.dir, env: repo.env });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('.env.ledger.json is not valid JSON (git conflict markers at line 2)');
    expect(result.stderr).toContain('fix: ');
  });

  it('exits 2 with no ledger or an unknown environment, 3 outside a git repository', () => {
    repo = createTempRepo();
    expect(runCli(['verify'], { cwd: repo.dir, env: repo.env })).toMatchObject({ status: 2, stderr: expect.stringContaining('envguard init') });
    write('.env.ledger.json', sampleLedger());
    expect(runCli(['verify', '--env', 'staging'], { cwd: repo.dir, env: repo.env }).status).toBe(2);
    const outside = path.join(repo.dir, '..', 'not-a-repo');
    mkdirSync(outside);
    expect(runCli(['verify'], { cwd: outside, env: { ...repo.env, GIT_CEILING_DIRECTORIES: path.dirname(outside) } }).status).toBe(3);
  });
});

describe('envguard verify --against', () => {
  it('exits 1 for a replaced ledger, 0 for one that extends REV, 2 for a revision the clone lacks', () => {
    repo = createTempRepo();
    write('.env.ledger.json', sampleLedger());
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'ledger');
    write('.env.ledger.json', createGenesis({ key: key(7), projectId: PROJECT_ID, environment: 'default', actor: ACTOR, now: T0 }));
    repo.git('commit', '-qam', 'replaced');
    const replaced = runCli(['verify', '--against', 'HEAD~1'], { cwd: repo.dir, env: repo.env });
    expect(replaced.status).toBe(1);
    expect(replaced.stdout).toContain('entry 0 [anchor] the genesis entry differs from the one at HEAD~1: the ledger was replaced');
    expect(runCli(['verify', '--against', 'HEAD'], { cwd: repo.dir, env: repo.env }).status).toBe(0);
    const missing = runCli(['verify', '--against', 'no-such-rev'], { cwd: repo.dir, env: repo.env });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no-such-rev is not in this clone');
  });
});

describe('envguard status', () => {
  it('reports key, creation, last rotation, due date and overdue days as JSON', () => {
    repo = createTempRepo();
    let ledger = createGenesis({ key: key(1), projectId: PROJECT_ID, environment: 'default', actor: ACTOR, now: T0, rotationDays: 1 });
    ledger = appendRotation(ledger, { oldKey: key(1), newKey: key(2), status: 'completed', actor: { name: 'Bob', email: 'bob@example.com' }, reason: 'Q1 rotation', now: day(1), files: [], backupPaths: [], rotationDays: 1 });
    write('.env.ledger.json', ledger);
    const result = runCli(['status', '--json'], { cwd: repo.dir, env: repo.env });
    expect(result.status).toBe(0);
    const status = JSON.parse(result.stdout) as { environments: Array<Record<string, unknown>> };
    expect(status.environments[0]).toMatchObject({
      environment: 'default',
      ledgerValid: true,
      keyId: shortKeyId(key(2)),
      created: { time: T0.toISOString(), actor: ACTOR },
      lastRotation: { time: day(1).toISOString(), actor: { name: 'Bob' }, reason: 'Q1 rotation', keyId: shortKeyId(key(2)) },
      nextRotationDue: day(2).toISOString(),
      overdue: true,
    });
    expect(status.environments[0]?.daysLeft).toBeLessThan(-100);
    const text = runCli(['status'], { cwd: repo.dir, env: repo.env });
    expect(text.stdout).toMatch(/next due +2025-01-03 \(\d+ day\(s\) overdue\)/);
    expect(text.stdout).toContain('by Bob <bob@example.com>: Q1 rotation');
  });

  it('says when the ledger does not verify', () => {
    repo = createTempRepo();
    const ledger = sampleLedger();
    ledger.entries.splice(1, 1);
    write('.env.ledger.json', ledger);
    const result = runCli(['status'], { cwd: repo.dir, env: repo.env });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('INVALID');
    expect(result.stdout).toContain('envguard verify --env default');
  });
});
