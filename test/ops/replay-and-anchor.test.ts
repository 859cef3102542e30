import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/core/dotenv/parse.js';
import { encryptDocument, parseEncryptedFile } from '../../src/core/encrypted-file.js';
import { generateKey, type FernetKey } from '../../src/core/key.js';
import { appendRotation, createGenesis, type Ledger } from '../../src/core/ledger/index.js';
import { isEnvguardError } from '../../src/errors.js';
import { writeSyncState } from '../../src/io/sync-state.js';
import { defaultContext, type OpsContext } from '../../src/ops/context.js';
import { preCommit } from '../../src/ops/pre-commit/pre-commit.js';
import { projectStatus } from '../../src/ops/status.js';
import { syncEnvFile } from '../../src/ops/sync-env.js';
import { verifyProject } from '../../src/ops/verify.js';
import { createRotationProject, readLedger, type RotationProject } from '../helpers/rotation-project.js';
import { createTempRepo, isolatedEnv, type TempRepo } from '../helpers/temp-repo.js';

let project: RotationProject | undefined;
let other: TempRepo | undefined;
afterEach(() => {
  project?.repo.cleanup();
  other?.cleanup();
  project = other = undefined;
});

const NOW = Math.floor(Date.now() / 1000);
const encryptAt = (key: FernetKey, now: number, text: string, previous?: string) =>
  encryptDocument(parseDotenv(text), key, { now, random: randomBytes, previous: previous === undefined ? undefined : parseEncryptedFile(previous, '.env.encrypted') });
const lineOf = (text: string, name: string) => text.split('\n').find((line) => line.startsWith(`${name}=`))!;
const writeLedger = (p: RotationProject, ledger: Ledger) => p.repo.write('.env.ledger.json', `${JSON.stringify(ledger, null, 2)}\n`);
const keylessContext = (p: RotationProject): OpsContext => defaultContext({ cwd: p.repo.dir, env: isolatedEnv(mkdtempSync(path.join(os.tmpdir(), 'envguard-keyless-'))) });

/** A project whose DB_PASSWORD changed in the second commit, then an old token pasted back (not committed). */
function replayedProject() {
  project = createRotationProject({ files: 1, variables: 1 });
  const { repo, key } = project;
  const v1 = encryptAt(key, NOW - 1000, 'DB_PASSWORD=old-password-1\nAPI=1\n');
  repo.write('.env.encrypted', v1);
  repo.git('commit', '-qam', 'v1');
  const v2 = encryptAt(key, NOW, 'DB_PASSWORD=new-password-2\nAPI=1\n', v1);
  repo.write('.env.encrypted', v2);
  repo.git('commit', '-qam', 'v2');
  const replayed = v2.replace(lineOf(v2, 'DB_PASSWORD'), lineOf(v1, 'DB_PASSWORD'));
  repo.write('.env.encrypted', replayed);
  return { ctx: defaultContext({ cwd: repo.dir, env: repo.env }), repo, v2, replayed };
}

describe('token replay is refused where values enter (issue 15 item 3)', () => {
  it('pre-commit refuses a staged encrypted file whose token for a name is older than HEAD\'s', () => {
    const { ctx, repo } = replayedProject();
    repo.git('add', '.env.encrypted');
    const result = preCommit(ctx, mkdtempSync(path.join(os.tmpdir(), 'envguard-state-')));
    expect(result.refusals).toMatchObject([{ code: 'TOKEN_REPLAY', file: '.env.encrypted', message: expect.stringMatching(/^\.env\.encrypted:2: the token of DB_PASSWORD .* is older than the one in HEAD/), hint: expect.stringContaining('edit .env to restore an old value') }]);
  });

  it('the checkout/merge sync refuses to write the old value into .env', () => {
    const { ctx, repo, v2 } = replayedProject();
    const state = mkdtempSync(path.join(os.tmpdir(), 'envguard-state-'));
    repo.write('.env', 'DB_PASSWORD=new-password-2\nAPI=1\n');
    writeSyncState(state, '.env', 'DB_PASSWORD=new-password-2\nAPI=1\n', v2);
    const outcome = syncEnvFile(ctx, '.env.encrypted', state);
    expect(outcome).toMatchObject({ kind: 'invalid', message: expect.stringContaining('the token of DB_PASSWORD'), hint: expect.stringContaining('edit .env to restore an old value') });
    expect(readFileSync(path.join(repo.dir, '.env'), 'utf8')).toBe('DB_PASSWORD=new-password-2\nAPI=1\n');
  });

  it('an older commit checked out on purpose (its history has no newer token) is applied', () => {
    const { ctx, repo, v2 } = replayedProject();
    repo.git('checkout', '-qf', 'HEAD~1');
    const state = mkdtempSync(path.join(os.tmpdir(), 'envguard-state-'));
    repo.write('.env', 'DB_PASSWORD=new-password-2\nAPI=1\n');
    writeSyncState(state, '.env', 'DB_PASSWORD=new-password-2\nAPI=1\n', v2);
    expect(syncEnvFile(ctx, '.env.encrypted', state)).toMatchObject({ kind: 'written' });
    expect(readFileSync(path.join(repo.dir, '.env'), 'utf8')).toBe('DB_PASSWORD=old-password-1\nAPI=1\n');
  });

  it('verify --against REV reports it, with no key', () => {
    const { repo } = replayedProject();
    repo.git('commit', '-qam', 'v3: replayed');
    const result = verifyProject(keylessContext(project!), { against: 'HEAD~1' });
    expect(result.valid).toBe(false);
    expect(result.environments[0]?.replays).toMatchObject([{ file: '.env.encrypted', replay: { name: 'DB_PASSWORD' } }]);
    expect(verifyProject(keylessContext(project!), { against: 'HEAD~2' }).valid).toBe(true);
  });
});

describe('anchored ledger (issue 15 items 4, 5)', () => {
  /** Everything an attacker without the key can do: a fresh genesis under their key, same project id, files re-encrypted. */
  function replaceLedger(p: RotationProject): void {
    const attacker = generateKey(randomBytes);
    writeLedger(p, createGenesis({ key: attacker, projectId: p.projectId, environment: 'default', actor: { name: 'M', email: 'm@x' }, now: new Date() }));
    p.repo.write('.env.encrypted', encryptAt(attacker, NOW, 'DB_PASSWORD=attacker-chosen\n'));
  }

  it('a replaced ledger fails verify --against with no key, and on a machine that knows the project fails verify and status', () => {
    project = createRotationProject({ files: 1, variables: 2 });
    const ctx = defaultContext({ cwd: project.repo.dir, env: project.repo.env });
    expect(verifyProject(ctx).valid).toBe(true); // this machine now knows the genesis
    replaceLedger(project);
    project.repo.git('commit', '-qam', 'replaced');
    const anchored = verifyProject(keylessContext(project), { against: 'HEAD~1' });
    expect(anchored.valid).toBe(false);
    expect(anchored.environments[0]?.report.problems).toMatchObject([{ code: 'anchor', message: expect.stringContaining('the ledger was replaced') }]);
    const known = verifyProject(ctx);
    expect(known.valid).toBe(false);
    expect(known.environments[0]?.report.problems[0]).toMatchObject({ code: 'anchor', message: expect.stringContaining('different genesis'), hint: expect.stringContaining('envguard verify --trust-ledger') });
    expect(projectStatus(ctx).environments[0]).toMatchObject({ ledgerValid: false, problems: [expect.objectContaining({ code: 'LEDGER_INVALID', message: expect.stringContaining('different genesis') })] });
    // A legitimate re-init: the user says so, and from then on this ledger is the known one.
    expect(verifyProject(ctx, { trustLedger: true }).environments[0]?.report.problems).toEqual([]);
  });

  it('pre-commit refuses a staged ledger that is not the chain this machine has seen, as LEDGER_INVALID', () => {
    project = createRotationProject({ files: 1, variables: 2 });
    const ctx = defaultContext({ cwd: project.repo.dir, env: project.repo.env });
    expect(verifyProject(ctx).valid).toBe(true); // this machine now knows the genesis
    replaceLedger(project);
    project.repo.git('add', '.env.ledger.json');
    const refusals = preCommit(ctx, mkdtempSync(path.join(os.tmpdir(), 'envguard-state-'))).refusals;
    expect(refusals).toContainEqual(expect.objectContaining({ code: 'LEDGER_INVALID', file: '.env.ledger.json', message: expect.stringContaining('different genesis') }));
  });

  it('a dropped tail (a failed attempt deleted) fails verify --against with no key, and verify on a machine that saw it', () => {
    project = createRotationProject({ files: 1, variables: 2 });
    const ctx = defaultContext({ cwd: project.repo.dir, env: project.repo.env });
    const genesisOnly = readLedger(project);
    writeLedger(project, appendRotation(genesisOnly, { oldKey: project.key, newKey: generateKey(randomBytes), status: 'failed', actor: { name: 'A', email: 'a@x' }, reason: 'try', now: new Date(), files: [], backupPaths: [] }));
    project.repo.git('commit', '-qam', 'failed rotation');
    expect(verifyProject(ctx).valid).toBe(true);
    writeLedger(project, genesisOnly);
    project.repo.git('commit', '-qam', 'drop it');
    expect(verifyProject(keylessContext(project), { against: 'HEAD~1' }).environments[0]?.report.problems).toMatchObject([{ code: 'anchor', message: expect.stringContaining('dropped') }]);
    expect(verifyProject(ctx).environments[0]?.report.problems).toMatchObject([{ code: 'anchor', message: expect.stringContaining('fewer than the 2 this machine has seen') }]);
  });

  it('a ledger with a duplicate key is invalid even though JSON.parse keeps the signed value', () => {
    project = createRotationProject({ files: 1, variables: 1 });
    const text = project.repo.read('.env.ledger.json');
    project.repo.write('.env.ledger.json', text.replace(/( *)"reason": /, '$1"reason": "approved by security",\n$1"reason": '));
    expect(JSON.parse(project.repo.read('.env.ledger.json'))).toEqual(JSON.parse(text));
    let error: unknown;
    try {
      verifyProject(keylessContext(project));
    } catch (caught) {
      error = caught;
    }
    expect(isEnvguardError(error, 'LEDGER_INVALID') && error.message).toMatch(/\.env\.ledger\.json:\d+: an object has the same member name twice/);
  });

  it('a revision missing from a shallow clone is a clear usage error (exit 2)', () => {
    project = createRotationProject({ files: 1, variables: 1 });
    project.repo.write('x.txt', '1');
    project.repo.git('add', 'x.txt');
    project.repo.git('commit', '-qm', 'second');
    other = createTempRepo({ init: false });
    other.git('clone', '-q', '--depth', '1', `file://${project.repo.dir}`, '.');
    let error: unknown;
    try {
      verifyProject(defaultContext({ cwd: other.dir, env: other.env }), { against: 'HEAD~1' });
    } catch (caught) {
      error = caught;
    }
    expect(isEnvguardError(error, 'USAGE')).toBe(true);
    expect(isEnvguardError(error) && error.exitCode).toBe(2);
    expect(isEnvguardError(error) && `${error.message} ${error.hint}`).toMatch(/HEAD~1 is not in this clone \(it is a shallow clone\).*fetch-depth: 0/);
  });
});
