import { afterEach, describe, expect, it } from 'vitest';
import { createGenesis } from '../../src/core/ledger/index.js';
import { defaultContext } from '../../src/ops/context.js';
import { checkRotationPolicy } from '../../src/ops/rotation-policy.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';
import { ACTOR, key, PROJECT_ID, T0 } from '../core/ledger/fixtures.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const DAY = 86_400_000;

function setup(config?: object): void {
  repo = createTempRepo();
  for (const [environment, days] of [['default', 90], ['production', 30]] as const) {
    const ledger = createGenesis({ key: key(environment === 'default' ? 1 : 2), projectId: PROJECT_ID, environment, actor: ACTOR, now: T0, rotationDays: days });
    repo.write(environment === 'default' ? '.env.ledger.json' : `.env.${environment}.ledger.json`, JSON.stringify(ledger));
  }
  if (config) repo.write('.envguard.json', JSON.stringify(config));
}

function check(daysAfterT0: number) {
  return checkRotationPolicy(defaultContext({ cwd: repo.dir, env: repo.env, now: () => new Date(T0.getTime() + daysAfterT0 * DAY) }));
}

describe('checkRotationPolicy (pre-commit / pre-push)', () => {
  it('is quiet while every key is within its period', () => {
    setup();
    expect(check(29)).toEqual({ overdue: false, block: false, problem: undefined, environments: [] });
  });

  it('warns by default, naming each overdue environment and the fix', () => {
    setup();
    const result = check(35);
    expect(result).toMatchObject({ overdue: true, block: false, environments: [{ environment: 'production', daysOverdue: 5 }] });
    expect(result.problem).toEqual({ code: 'ROTATION_OVERDUE', message: 'key rotation overdue: production (due 2025-01-31, 5 days overdue)', hint: 'run `envguard rotate --env production`' });
  });

  it('blocks under "overdue": "block", and suggests --all when several are overdue', () => {
    setup({ overdue: 'block' });
    const result = check(120);
    expect(result.block).toBe(true);
    expect(result.environments.map((e) => e.environment)).toEqual(['default', 'production']);
    expect(result.problem?.code).toBe('ROTATION_OVERDUE');
    expect(result.problem?.hint).toBe('run `envguard rotate --all` (.envguard.json "overdue": "block" refuses until then)');
  });

  it('says nothing under "overdue": "off", and ignores an unreadable ledger', () => {
    setup({ overdue: 'off' });
    expect(check(400).overdue).toBe(false);
    repo.write('.envguard.json', '{}');
    repo.write('.env.production.ledger.json', '<<<<<<< HEAD');
    expect(check(120).environments.map((e) => e.environment)).toEqual(['default']);
  });
});

describe('envguard hook pre-push / pre-commit under the overdue policy', () => {
  it('warns and exits 0 by default; refuses with exit 1 under "block"; ENVGUARD_SKIP bypasses', () => {
    ensureBuilt();
    setup();
    // The fixtures' keys were due in 2025: overdue now.
    const warn = runCli(['hook', 'pre-push', 'origin', 'url'], { cwd: repo.dir, env: repo.env });
    expect(warn.status).toBe(0);
    expect(warn.stderr).toMatch(/envguard: key rotation overdue: default \(due 2025-04-01, \d+ days overdue\), production/);
    repo.write('.envguard.json', JSON.stringify({ overdue: 'block' }));
    const push = runCli(['hook', 'pre-push', 'origin', 'url'], { cwd: repo.dir, env: repo.env });
    expect(push.status).toBe(1);
    expect(push.stderr).toContain('run `envguard rotate --all` (.envguard.json "overdue": "block" refuses until then)');
    const commit = runCli(['hook', 'pre-commit'], { cwd: repo.dir, env: repo.env });
    expect(commit.status).toBe(1);
    expect(commit.stderr).toContain('[ROTATION_OVERDUE] key rotation overdue');
    expect(runCli(['hook', 'pre-push'], { cwd: repo.dir, env: { ...repo.env, ENVGUARD_SKIP: '1' } }).status).toBe(0);
  });
});
