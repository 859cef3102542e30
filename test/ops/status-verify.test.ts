import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGenesis, type Ledger } from '../../src/core/ledger/index.js';
import { fingerprint, formatKey, generateKey, shortKeyId, type FernetKey } from '../../src/core/key.js';
import { writeLedger } from '../../src/io/ledger-file.js';
import { journalPathIn, writeJournal } from '../../src/io/rotation-journal.js';
import { defaultContext } from '../../src/ops/context.js';
import { encryptEnvFile } from '../../src/ops/encrypt.js';
import { projectStatus } from '../../src/ops/status.js';
import { verifyProject } from '../../src/ops/verify.js';
import { createInitProject, type InitProject } from '../helpers/init-project.js';
import { createTempRepo } from '../helpers/temp-repo.js';

/**
 * `status` and `verify` in-process on a project `init` set up: a sound project, then each way a
 * ledger or an encrypted file can be wrong, asserted by what the result says about it.
 */
let project: InitProject;
afterEach(() => project?.repo.cleanup());
const ledger = (): Ledger => JSON.parse(project.repo.read('.env.ledger.json')) as Ledger;
const storedKey = (): FernetKey => {
  const found = project.ctx().keys.current('default');
  if (!found) throw new Error('init left no key');
  return found.key;
};
/** A new genesis for the same project: verifies on its own, but is not the chain this machine saw. */
const replaceLedger = (key: FernetKey) =>
  writeLedger(path.join(project.repo.dir, '.env.ledger.json'), createGenesis({ key, projectId: ledger().projectId, environment: 'default', actor: { name: 'Mallory', email: 'm@example.com' }, now: new Date(Date.now() + 60_000), rotationDays: 90 }));
const tamper = () => {
  const value = ledger();
  value.entries[0]!.actor.name = 'Someone Else';
  project.repo.write('.env.ledger.json', JSON.stringify(value, null, 2));
};

describe('projectStatus', () => {
  const status = (extraEnv?: NodeJS.ProcessEnv, now?: Date) => projectStatus(defaultContext({ cwd: project.repo.dir, env: { ...project.repo.env, ...extraEnv }, ...(now ? { now: () => now } : {}) }));

  it('refuses a repository without a ledger', () => {
    const repo = createTempRepo();
    try {
      expect(() => projectStatus(defaultContext({ cwd: repo.dir, env: repo.env }))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    } finally {
      repo.cleanup();
    }
  });

  it('describes a sound project: current key from the key store, due date, hooks, unmanaged files', () => {
    project = createInitProject();
    project.repo.write('.env.staging', 'A=1\n');
    const result = status();
    expect(result.environments).toEqual([
      expect.objectContaining({ environment: 'default', ledgerValid: true, problems: [], keyId: shortKeyId(storedKey()), hasCurrentKey: true, keySource: 'key store', overdue: false, daysLeft: 90, created: expect.objectContaining({ time: expect.any(String) }) }),
    ]);
    expect(result.environments[0]?.interruptedRotation).toBeUndefined();
    expect(result.hooks).toMatchObject({ active: true });
    expect(result.unmanaged.map((notice) => notice.file)).toContain('.env.staging');
  });

  it('says when rotation is overdue', () => {
    project = createInitProject();
    const env = status({}, new Date(Date.now() + 100 * 86_400_000)).environments[0];
    expect(env?.overdue).toBe(true);
    expect(env?.daysLeft).toBeLessThanOrEqual(-10);
    expect(status({}, new Date(Date.now() + 80 * 86_400_000)).environments[0]).toMatchObject({ overdue: false });
  });

  it('tells a key that is not the current one from no key at all', () => {
    project = createInitProject();
    const other = generateKey(randomBytes);
    expect(status({ ENVGUARD_KEY: formatKey(other) }).environments[0]).toMatchObject({ hasCurrentKey: false, keySource: 'ENVGUARD_KEY', localKey: { keyId: shortKeyId(other) } });
    expect(status({ ENVGUARD_HOME: path.join(project.repo.dir, '..', 'elsewhere') }).environments[0]).toMatchObject({ hasCurrentKey: false, localKey: { problem: 'no key on this machine' } });
  });

  it('flags a tampered ledger as invalid but still describes what it claims', () => {
    project = createInitProject();
    tamper();
    const env = status().environments[0]!;
    expect(env.ledgerValid).toBe(false);
    expect(env.problems.length).toBeGreaterThan(0);
    expect(env.keyId).toBe(shortKeyId(storedKey()));
  });

  it('reports an unreadable ledger as a problem without describing it', () => {
    project = createInitProject();
    project.repo.write('.env.ledger.json', '{ not json');
    const env = status().environments[0]!;
    expect(env).toMatchObject({ ledgerValid: false, hasCurrentKey: false });
    expect(env.problems).toHaveLength(1);
    expect(env.keyId).toBeUndefined();
  });

  it('does not describe a ledger whose shape is wrong', () => {
    project = createInitProject();
    project.repo.write('.env.ledger.json', '{"version":1,"entries":[]}\n');
    const env = status().environments[0]!;
    expect(env.ledgerValid).toBe(false);
    expect(env.problems.length).toBeGreaterThan(0);
    expect(env.keyId).toBeUndefined();
  });

  it('does not call valid a ledger that verifies but is not the chain this machine has seen', () => {
    project = createInitProject();
    expect(verifyProject(project.ctx()).valid).toBe(true);
    replaceLedger(storedKey());
    expect(status().environments[0]).toMatchObject({ ledgerValid: false });
  });

  it('shows an interrupted rotation with the commands that finish or undo it', () => {
    project = createInitProject();
    const newKey = generateKey(randomBytes);
    writeJournal(journalPathIn(path.join(project.repo.dir, '.git'), 'default'), {
      version: 1, environment: 'default', projectId: ledger().projectId, phase: 'prepared', startedAt: new Date().toISOString(),
      actor: { name: 'Test User', email: 'test@example.com' }, reason: 'test', oldKeyFingerprint: fingerprint(storedKey()),
      newKeyFingerprint: fingerprint(newKey), workDir: 'work', ledgerFile: '.env.ledger.json', files: [],
    });
    const interrupted = status().environments[0]?.interruptedRotation;
    expect(interrupted).toMatchObject({ phase: 'prepared', newKeyId: shortKeyId(newKey) });
    expect(interrupted?.hint).toContain('envguard rotate --resume');
  });
});

describe('verifyProject', () => {
  const verify = (options?: Parameters<typeof verifyProject>[1], extraEnv?: NodeJS.ProcessEnv) => verifyProject(project.ctx(extraEnv), options);
  const codes = (result: ReturnType<typeof verify>, environment = 'default') => result.environments.find((env) => env.environment === environment)?.report.problems.map((problem) => problem.code);

  it('refuses a repository without a ledger', () => {
    const repo = createTempRepo();
    try {
      expect(() => verifyProject(defaultContext({ cwd: repo.dir, env: repo.env }))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    } finally {
      repo.cleanup();
    }
  });

  it('passes a sound project, decrypting every file with the current key, and needs no key to check the chain', () => {
    project = createInitProject();
    expect(verify()).toMatchObject({ valid: true, environments: [{ environment: 'default', files: { keyAvailable: true, publicKeyMatches: true, files: [{ path: '.env.encrypted', result: 'ok', decrypted: true }] } }] });
    expect(verify({}, { ENVGUARD_HOME: path.join(project.repo.dir, '..', 'elsewhere') })).toMatchObject({ valid: true, environments: [{ files: { keyAvailable: false, files: [{ result: 'ok', decrypted: false }] } }] });
  });

  it('fails a tampered ledger', () => {
    project = createInitProject();
    tamper();
    const result = verify();
    expect(result.valid).toBe(false);
    expect(result.environments[0]?.report.valid).toBe(false);
    // Nothing in an untrusted chain (its key) is worth checking the files against.
    expect(result.environments[0]?.files).toBeUndefined();
  });

  it('fails a ledger whose recorded environment is not the one its file name says', () => {
    project = createInitProject();
    project.repo.write('.env.staging.ledger.json', project.repo.read('.env.ledger.json'));
    const result = verify();
    expect(result.valid).toBe(false);
    expect(codes(result, 'staging')).toEqual(['header']);
    expect(codes(result, 'default')).toEqual([]);
  });

  it('fails an encrypted file under a key other than the ledger\'s, or one that is damaged', () => {
    project = createInitProject();
    encryptEnvFile(project.ctx(), { force: true, key: generateKey(randomBytes) });
    expect(verify()).toMatchObject({ valid: false, environments: [{ report: { valid: true }, files: { files: [{ result: 'other-key' }] } }] });
    project.repo.write('.env.encrypted', 'damaged\n');
    expect(verify()).toMatchObject({ valid: false, environments: [{ files: { files: [{ result: 'unreadable' }] } }] });
  });

  it('fails a replaced ledger until told to trust it, and then remembers it', () => {
    project = createInitProject();
    expect(verify().valid).toBe(true);
    replaceLedger(storedKey());
    const replaced = verify();
    expect(replaced.valid).toBe(false);
    expect(codes(replaced)).toEqual(['anchor']);
    expect(replaced.environments[0]?.files).toBeUndefined();
    expect(verify({ trustLedger: true }).valid).toBe(true);
    expect(verify().valid).toBe(true);
  });

  it('checks only the environment asked for', () => {
    project = createInitProject();
    project.repo.write('.env.staging.ledger.json', project.repo.read('.env.ledger.json'));
    expect(verify({ environment: 'default' })).toMatchObject({ valid: true, environments: [{ environment: 'default' }] });
  });
});

