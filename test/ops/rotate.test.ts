import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { fingerprint, formatKey, generateKey, parseKey, shortKeyId } from '../../src/core/key.js';
import { createGenesis, currentKeyFingerprint, ledgerPublicKey, ledgerSigner, signingBytes, unsignedEntry, verifyLedger } from '../../src/core/ledger/index.js';
import { CLI, ensureBuilt, runCli } from '../helpers/run-cli.js';
import { runInPty } from '../helpers/run-in-pty.js';
import { createRotationProject, decryptWithStore, keyStoreDir, readLedger, type RotationProject } from '../helpers/rotation-project.js';

let project: RotationProject;
beforeAll(() => ensureBuilt());
afterEach(() => project?.repo.cleanup());

function envguard(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  return runCli(args, { cwd: project.repo.dir, env: { ...project.repo.env, ...extraEnv }, bundle: 'test' });
}

function expectNoSecrets(...outputs: string[]): void {
  for (const output of outputs) for (const value of project.secretValues) expect(output).not.toContain(value);
}

describe('envguard rotate', () => {
  it('re-encrypts every file of the environment under a new key, records a signed entry, backs up and stages', () => {
    project = createRotationProject({ files: 4, variables: 12, wholeTop: true });
    const result = envguard(['rotate', '--force', '--reason', 'Q3 rotation']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const ledger = readLedger(project);
    expect(verifyLedger(ledger).valid).toBe(true);
    const entry = ledger.entries[1]!;
    expect(entry).toMatchObject({ seq: 1, type: 'rotation', status: 'completed', reason: 'Q3 rotation', oldKeyFingerprint: fingerprint(project.key), actor: { name: 'Test User' } });
    const newFingerprint = currentKeyFingerprint(ledger);
    expect(newFingerprint).not.toBe(fingerprint(project.key));
    expect(result.stdout).toContain(`key ${shortKeyId(project.key)} -> ${shortKeyId(newFingerprint)}, 4 file(s) re-encrypted and verified`);
    expect(result.stdout).toContain('--format k8s-secret');
    // Every file now decrypts with the new key to exactly the old plaintext; the old key reads none.
    for (const [file, plaintext] of project.plaintexts) {
      const { plaintext: now, key } = decryptWithStore(project, file);
      expect(now).toBe(plaintext);
      expect(fingerprint(key)).toBe(newFingerprint);
      expect(entry.type === 'rotation' && entry.files).toContainEqual({ path: file, verified: true });
    }
    // The store: new key current, old key retired.
    const current = parseKey(readFileSync(path.join(keyStoreDir(project), 'default.key'), 'utf8'));
    expect(fingerprint(current)).toBe(newFingerprint);
    expect(existsSync(path.join(keyStoreDir(project), 'retired', `${fingerprint(project.key).slice(7)}.key`))).toBe(true);
    // Backups of the old files, recorded by path.
    expect(entry.type === 'rotation' && entry.backupPaths).toHaveLength(4);
    for (const backup of entry.type === 'rotation' ? entry.backupPaths : []) expect(existsSync(path.join(project.repo.dir, backup))).toBe(true);
    // Staged, and nothing left behind in the git dir but the backups.
    const staged = project.repo.git('diff', '--cached', '--name-only').trim().split('\n').sort();
    expect(staged).toEqual([...project.plaintexts.keys(), '.env.ledger.json'].sort());
    expect(existsSync(path.join(project.repo.dir, '.git/envguard/rotation-default.json'))).toBe(false);
    expect(existsSync(path.join(project.repo.dir, '.git/envguard/rotation-default'))).toBe(false);
    expectNoSecrets(result.stdout, result.stderr, JSON.stringify(ledger));
    for (const keyText of [formatKey(project.key), formatKey(current)]) {
      expect(result.stdout + result.stderr + JSON.stringify(ledger)).not.toContain(keyText);
    }
  });

  it('with --no-backup keeps no copies, and --json reports the result', () => {
    project = createRotationProject({ files: 2, variables: 3 });
    const result = envguard(['rotate', '--force', '--no-backup', '--json']);
    expect(result.status).toBe(0);
    const [report] = JSON.parse(result.stdout) as Array<{ status: string; backupPaths: string[]; files: unknown[]; newKeyId: string }>;
    expect(report).toMatchObject({ status: 'completed', backupPaths: [], files: [{ path: '.env.encrypted', verified: true }, { path: 'services/01/.env.encrypted', verified: true }] });
    expect(existsSync(path.join(project.repo.dir, '.git/envguard/backups'))).toBe(false);
  });

  it('refuses without a TTY when the rotation is not due, and with a key that is not the ledger\'s', () => {
    project = createRotationProject({ files: 1, variables: 2 });
    expect(envguard(['rotate', '--force']).status).toBe(0);
    // Just rotated: the next one is 90 days away.
    const early = envguard(['rotate']);
    // Not due is a refusal (1), not a usage error.
    expect(early.status).toBe(1);
    expect(early.stderr).toContain('not due for rotation until');
    expect(early.stderr).toContain('--force');
    // A stale key in the environment that is not in the ledger: refused, nothing changed.
    const before = project.repo.read('.env.encrypted');
    const stale = envguard(['rotate', '--force'], { ENVGUARD_KEY: 'A'.repeat(43) + '=' });
    expect(stale.status).toBe(0); // the store still holds the current key; the variable is reported as stale
    expect(stale.stderr).toContain('ENVGUARD_KEY on this machine supplies a key other than the new');
    expect(project.repo.read('.env.encrypted')).not.toBe(before);
  });

  it('rolls back by itself and records failed when a re-encrypted file does not verify', () => {
    project = createRotationProject({ files: 3, variables: 5 });
    const before = new Map([...project.plaintexts.keys()].map((file) => [file, project.repo.read(file)]));
    const result = envguard(['rotate', '--force'], { ENVGUARD_TEST_CORRUPT_AT: 'verify:2' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('failed verification (services/01/.env.encrypted');
    for (const [file, text] of before) expect(project.repo.read(file)).toBe(text);
    const ledger = readLedger(project);
    expect(verifyLedger(ledger).valid).toBe(true);
    expect(ledger.entries[1]).toMatchObject({ type: 'rotation', status: 'failed', files: [{ path: '.env.encrypted', verified: true }, { path: 'services/01/.env.encrypted', verified: false }, { path: 'services/02/.env.encrypted', verified: false }] });
    expect(currentKeyFingerprint(ledger)).toBe(fingerprint(project.key));
    const current = parseKey(readFileSync(path.join(keyStoreDir(project), 'default.key'), 'utf8'));
    expect(fingerprint(current)).toBe(fingerprint(project.key));
    // A later rotation works normally.
    expect(envguard(['rotate', '--force']).status).toBe(0);
    expect(verifyLedger(readLedger(project)).valid).toBe(true);
  });

  it('refuses to start when a file does not decrypt with the current key, changing nothing', () => {
    project = createRotationProject({ files: 2, variables: 2 });
    const text = project.repo.read('services/01/.env.encrypted');
    project.repo.write('services/01/.env.encrypted', text.replace(/(=fernet:gAAAAA)./, '$1Z'));
    const result = envguard(['rotate', '--force']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('services/01/.env.encrypted:');
    expect(readLedger(project).entries).toHaveLength(1);
    expect(existsSync(path.join(project.repo.dir, '.git/envguard/rotation-default.json'))).toBe(false);
  });
});

describe('envguard verify against the encrypted files', () => {
  it('decrypts every file with the current key when this machine has it', () => {
    project = createRotationProject({ files: 3, variables: 4 });
    expect(envguard(['rotate', '--force']).status).toBe(0);
    const result = envguard(['verify']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2 entries, chain and signatures valid');
    expect(result.stdout).toContain('3 encrypted file(s) decrypt with it');
    expectNoSecrets(result.stdout, result.stderr);
  });

  it('catches a ledger cut after a rotation from the file headers alone, with no key', () => {
    project = createRotationProject({ files: 2, variables: 4 });
    expect(envguard(['rotate', '--force']).status).toBe(0);
    const ledger = readLedger(project);
    project.repo.write('.env.ledger.json', `${JSON.stringify({ ...ledger, entries: ledger.entries.slice(0, 1) }, null, 2)}\n`);
    const noKeys = { ENVGUARD_HOME: path.join(project.repo.dir, '..', 'empty-store') };
    const result = envguard(['verify', '--json'], noKeys);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { environments: Array<{ files: { keyAvailable: boolean; files: Array<{ path: string; result: string }> } }> };
    expect(report.environments[0]?.files.keyAvailable).toBe(false);
    expect(report.environments[0]?.files.files).toEqual([
      expect.objectContaining({ path: '.env.encrypted', result: 'other-key' }),
      expect.objectContaining({ path: 'services/01/.env.encrypted', result: 'other-key' }),
    ]);
    const text = envguard(['verify'], noKeys);
    expect(text.stdout).toContain(`.env.encrypted is under key ${shortKeyId(currentKeyFingerprint(ledger))}, but the ledger's current key is ${shortKeyId(project.key)}`);
  });

  it('with the key, rejects a ledger that records the real fingerprint under someone else\'s signing key', () => {
    project = createRotationProject({ files: 1, variables: 2 });
    // A forger who knows only the fingerprint builds a self-consistent ledger signed by their own key.
    const forger = generateKey(randomBytes);
    const real = readLedger(project);
    const unsigned = { ...unsignedEntry(real.entries[0]!), newPublicKey: ledgerPublicKey(forger) };
    const forged = { ...real, entries: [{ ...unsigned, signatures: [{ role: 'new', publicKey: ledgerPublicKey(forger), signature: ledgerSigner(forger).sign(signingBytes(unsigned)) }] }] };
    project.repo.write('.env.ledger.json', JSON.stringify(forged));
    // Keyless, the forgery is self-consistent...
    expect(envguard(['verify'], { ENVGUARD_HOME: path.join(project.repo.dir, '..', 'empty-store') }).status).toBe(0);
    // ...but the key holder sees the public key is not derived from the key.
    const result = envguard(['verify']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('entry 0 [signature] the ledger\'s public key for the current key');
  });

  it('reports a file that no longer decrypts with the current key', () => {
    project = createRotationProject({ files: 2, variables: 4 });
    const text = project.repo.read('services/01/.env.encrypted');
    project.repo.write('services/01/.env.encrypted', text.replace(/(=fernet:gAAAAA)./, '$1Z'));
    const result = envguard(['verify']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^ {2}services\/01\/\.env\.encrypted:\d+: the token is damaged/m);
    expectNoSecrets(result.stdout, result.stderr);
  });
});

describe('envguard status with keys and interrupted rotations', () => {
  it('says whether this machine has the current key, and shows an interrupted rotation with the fix', () => {
    project = createRotationProject({ files: 2, variables: 3 });
    const fine = envguard(['status']);
    expect(fine.stdout).toMatch(/key here +yes \(key store\)/);
    expect(fine.stdout).toMatch(/last rotation +never/);
    const json = JSON.parse(envguard(['status', '--json']).stdout) as { environments: Array<Record<string, unknown>> };
    expect(json.environments[0]).toMatchObject({ hasCurrentKey: true, keySource: 'key store', overdue: true });

    const killed = envguard(['rotate', '--force'], { ENVGUARD_TEST_CRASH_AT: 'replace:1' });
    expect(killed.signal).toBe('SIGKILL');
    const interrupted = envguard(['status']);
    expect(interrupted.status).toBe(0);
    expect(interrupted.stdout).toMatch(/rotation +INTERRUPTED at phase "replacing" \(started .* by Test User, new key [0-9a-f]{16}\)/);
    expect(interrupted.stdout).toContain('fix: finish it with `envguard rotate --resume` or undo it with `envguard rotate --rollback`');
    expect(envguard(['rotate', '--rollback']).status).toBe(0);

    const other = envguard(['status'], { ENVGUARD_KEY: 'B'.repeat(43) + '=' });
    expect(other.stdout).toMatch(/key here +no: this machine has [0-9a-f]{16} from ENVGUARD_KEY/);
  });
});

describe('envguard rotate on a terminal', () => {
  it('asks before rotating; "n" changes nothing, "y" rotates', () => {
    project = createRotationProject({ files: 1, variables: 2 });
    const before = project.repo.read('.env.encrypted');
    const argv = [process.execPath, CLI, 'rotate'];
    const no = runInPty(argv, { cwd: project.repo.dir, env: project.repo.env, prompt: '[y/N]', answer: 'n\n' });
    expect(no.terminal).toContain('Rotate the key of default (due)?');
    expect(no.status).toBe(1);
    expect(no.terminal).toContain('rotation cancelled; nothing changed');
    expect(project.repo.read('.env.encrypted')).toBe(before);
    const yes = runInPty(argv, { cwd: project.repo.dir, env: project.repo.env, prompt: '[y/N]', answer: 'y\n' });
    expect(yes.status).toBe(0);
    expect(yes.stdout).toContain('rotated default:');
    expect(readLedger(project).entries).toHaveLength(2);
  });
});

describe('envguard rotate --env and --all', () => {
  it('rotates one named environment, or every environment with a ledger', () => {
    project = createRotationProject({ files: 2, variables: 3, environment: 'production' });
    const result = envguard(['rotate', '--env', 'production', '--force', '--reason', 'leaver']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('rotated production:');
    expect(result.stdout).toContain('ENVGUARD_KEY_PRODUCTION');
    expect(result.stdout).toContain('envguard key export --env production --format k8s-secret');
    expect(readLedger(project).entries[1]).toMatchObject({ status: 'completed', reason: 'leaver', files: [{ path: '.env.production.encrypted' }, { path: 'services/01/.env.production.encrypted' }] });
    const all = envguard(['rotate', '--all', '--force', '--json']);
    expect(all.status).toBe(0);
    expect((JSON.parse(all.stdout) as Array<{ environment: string }>).map((r) => r.environment)).toEqual(['production']);
    expect(envguard(['rotate', '--env', 'staging', '--force']).status).toBe(2);
    expect(envguard(['rotate', '--all', '--env', 'production']).status).toBe(2);
    expect(envguard(['rotate', '--resume', '--rollback']).status).toBe(2);
    expect(envguard(['rotate', '--env', 'production', '--resume']).stderr).toContain('no interrupted rotation');
    expect(envguard(['rotate', '--all', '--rollback']).stderr).toContain('no interrupted rotation to roll back');
  });

  it('with --all checks every environment first: a missing key for one changes none', () => {
    project = createRotationProject({ files: 1, variables: 2 });
    const other = createGenesis({ key: generateKey(randomBytes), projectId: project.projectId, environment: 'staging', actor: { name: 'T', email: 't@example.com' }, now: new Date() });
    project.repo.write('.env.staging.ledger.json', JSON.stringify(other));
    const before = project.repo.read('.env.encrypted');
    const result = envguard(['rotate', '--all', '--force']);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('no key for environment "staging"');
    expect(project.repo.read('.env.encrypted')).toBe(before);
    expect(readLedger(project).entries).toHaveLength(1);
  });
});
