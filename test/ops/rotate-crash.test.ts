import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, formatKey, parseKey } from '../../src/core/key.js';
import { allStoredKeys } from '../../src/io/key-store.js';
import { currentKeyFingerprint, verifyLedger } from '../../src/core/ledger/index.js';
import { readFileSync } from 'node:fs';
import { ensureBuilt, runCliAsync } from '../helpers/run-cli.js';
import { createRotationProject, decryptWithStore, keyStoreDir, readLedger, type RotationProject } from '../helpers/rotation-project.js';
import { copyTempRepo } from '../helpers/temp-repo.js';

/**
 * Kills `envguard rotate` with SIGKILL at many instants across a rotation, then proves that (a)
 * at that instant every file decrypts with a key the store holds to its original values, (b)
 * `status` reports the interrupted rotation, and (c) both `--resume` and `--rollback` (each on
 * its own copy of the crashed state) recover with no value lost.
 *
 * The crash points run on a 12-file project (each point is one killed rotation plus a resume and
 * a rollback: on 100 files the whole list took about 60 s); one case keeps the 100-file project,
 * where a crash lands in the middle of many files. Every case works on its own copies, so the
 * cases run concurrently: each spends most of its time waiting for a CLI run to end.
 */
const FILES = 12;
const POINTS = [
  'journal:1', // journal written, new key not yet stored
  'key:1', // new key stored, nothing re-encrypted
  'prepare:1',
  'prepare:7',
  'prepare:12',
  'journal:2', // prepared
  'journal:3', // replacing, no file replaced yet
  'replace:1',
  'replace:2',
  'replace:6',
  'replace:11',
  'replace:12',
  'journal:4', // entry built
  'ledger:1', // ledger written, journal still says replaced
  'journal:5', // recorded
  'stage:1',
  'cleanup:1', // journal removed, work dir left
];

let template: RotationProject;
let large: RotationProject;
let originals: Map<string, string>;
const roots: string[] = [];

beforeAll(() => {
  ensureBuilt();
  template = createRotationProject({ files: FILES, variables: 10 });
  large = createRotationProject({ files: 100, variables: 10 });
  originals = new Map([...template.plaintexts.keys()].map((file) => [file, template.repo.read(file)]));
}, 120_000);

afterAll(() => {
  template?.repo.cleanup();
  large?.repo.cleanup();
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A copy of a project's whole temp root (repo and isolated key store) with its own environment. */
function copyOf(project: RotationProject): RotationProject {
  const repo = copyTempRepo(project.repo);
  roots.push(path.dirname(repo.dir));
  return { ...project, repo };
}

/** Every file envguard keeps under .git/envguard (journal, work dir, backups). */
function gitDirTexts(project: RotationProject): string[] {
  const dir = path.join(project.repo.dir, '.git', 'envguard');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
}

function envguard(project: RotationProject, args: string[], crashAt?: string) {
  return runCliAsync(args, { cwd: project.repo.dir, env: { ...project.repo.env, ...(crashAt ? { ENVGUARD_TEST_CRASH_AT: crashAt } : {}) }, bundle: 'test' });
}

function expectEveryValueReadable(project: RotationProject): void {
  for (const [file, plaintext] of project.plaintexts) expect(decryptWithStore(project, file).plaintext, file).toBe(plaintext);
}

function storeCurrent(project: RotationProject): string {
  return fingerprint(parseKey(readFileSync(path.join(keyStoreDir(project), 'default.key'), 'utf8')));
}

function expectNoSecrets(project: RotationProject, ...outputs: string[]): void {
  for (const output of outputs) for (const value of project.secretValues) expect(output).not.toContain(value);
}

describe.concurrent('rotate survives SIGKILL at any instant', () => {
  it.each(POINTS)('killed at %s: readable, reported, resumable and reversible', (point) => crashAndRecover(template, point));

  it('on a 100-file project, killed half-way through replacing: readable, reported, resumable and reversible', () => crashAndRecover(large, 'replace:50'));

  async function crashAndRecover(project: RotationProject, point: string): Promise<void> {
    const originalTexts = project === template ? originals : new Map([...project.plaintexts.keys()].map((file) => [file, project.repo.read(file)]));
    const crashed = copyOf(project);
    const killed = await envguard(crashed, ['rotate', '--force'], point);
    expect(killed.signal).toBe('SIGKILL');
    expectEveryValueReadable(crashed);
    // What a crash leaves under the git dir (journal, work dir) holds no key and no value.
    const leftovers = gitDirTexts(crashed);
    const keyTexts = allStoredKeys(crashed.repo.env, crashed.projectId).map(formatKey);
    expect(keyTexts.length).toBeGreaterThanOrEqual(1);
    for (const text of leftovers) for (const secret of [...keyTexts, ...crashed.secretValues]) expect(text.includes(secret)).toBe(false);

    const status = JSON.parse((await envguard(crashed, ['status', '--json'])).stdout) as { environments: Array<{ interruptedRotation?: { phase: string } }> };
    if (point === 'cleanup:1') expect(status.environments[0]?.interruptedRotation).toBeUndefined();
    else expect(status.environments[0]?.interruptedRotation?.phase).toMatch(/^(started|prepared|replacing|replaced|recorded)$/);

    // Starting over is refused while a rotation is interrupted.
    if (point !== 'cleanup:1') expect((await envguard(crashed, ['rotate', '--force'])).stderr).toContain('--resume');

    const resumed = copyOf(crashed);
    if (point !== 'cleanup:1') {
      const result = await envguard(resumed, ['rotate', '--resume']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expectNoSecrets(resumed, result.stdout);
    }
    const afterResume = readLedger(resumed);
    expect(verifyLedger(afterResume).valid).toBe(true);
    expect(afterResume.entries.at(-1)).toMatchObject({ type: 'rotation', status: 'completed', files: expect.arrayContaining([{ path: 'services/11/.env.encrypted', verified: true }]) });
    expect(currentKeyFingerprint(afterResume)).toBe(storeCurrent(resumed));
    for (const [file, plaintext] of resumed.plaintexts) {
      const { plaintext: text, key } = decryptWithStore(resumed, file);
      expect(text, file).toBe(plaintext);
      expect(fingerprint(key)).toBe(storeCurrent(resumed));
    }
    expect(existsSync(path.join(resumed.repo.dir, '.git/envguard/rotation-default.json'))).toBe(false);

    if (point === 'cleanup:1') return; // finished: nothing left to roll back
    const rolled = copyOf(crashed);
    const result = await envguard(rolled, ['rotate', '--rollback']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const afterRollback = readLedger(rolled);
    expect(verifyLedger(afterRollback).valid).toBe(true);
    if (point === 'journal:1') {
      // Killed before the new key existed anywhere: nothing had changed and there is no new key to sign with.
      expect(afterRollback.entries).toHaveLength(1);
      expect(result.stdout).toContain('nothing had changed');
    } else {
      expect(afterRollback.entries).toHaveLength(2);
      expect(afterRollback.entries[1]).toMatchObject({ type: 'rotation', status: 'rolled_back' });
    }
    expect(currentKeyFingerprint(afterRollback)).toBe(fingerprint(project.key));
    expect(storeCurrent(rolled)).toBe(fingerprint(project.key));
    for (const [file, text] of originalTexts) expect(rolled.repo.read(file), file).toBe(text);
  }

  it.each(['prepare:6', 'replace:6', 'journal:5'])('with --no-backup, killed at %s: resumes and rolls back, leaving no copies', async (point) => {
    const crashed = copyOf(template);
    expect((await envguard(crashed, ['rotate', '--force', '--no-backup'], point)).signal).toBe('SIGKILL');
    expectEveryValueReadable(crashed);
    const resumed = copyOf(crashed);
    expect((await envguard(resumed, ['rotate', '--resume'])).status).toBe(0);
    expectEveryValueReadable(resumed);
    expect(readLedger(resumed).entries.at(-1)).toMatchObject({ status: 'completed', backupPaths: [] });
    const rolled = copyOf(crashed);
    expect((await envguard(rolled, ['rotate', '--rollback'])).status).toBe(0);
    for (const [file, text] of originals) expect(rolled.repo.read(file), file).toBe(text);
    for (const project of [resumed, rolled]) {
      expect(existsSync(path.join(project.repo.dir, '.git/envguard/backups'))).toBe(false);
      expect(existsSync(path.join(project.repo.dir, '.git/envguard/rotation-default'))).toBe(false);
    }
  });

  it('survives being killed again while resuming and while rolling back', async () => {
    const crashed = copyOf(template);
    expect((await envguard(crashed, ['rotate', '--force'], 'replace:5')).signal).toBe('SIGKILL');
    const resumed = copyOf(crashed);
    expect((await envguard(resumed, ['rotate', '--resume'], 'replace:3')).signal).toBe('SIGKILL');
    expectEveryValueReadable(resumed);
    expect((await envguard(resumed, ['rotate', '--resume'])).status).toBe(0);
    expect(verifyLedger(readLedger(resumed)).valid).toBe(true);
    expectEveryValueReadable(resumed);

    const rolled = copyOf(crashed);
    expect((await envguard(rolled, ['rotate', '--rollback'], 'rollback:2')).signal).toBe('SIGKILL');
    expectEveryValueReadable(rolled);
    expect((await envguard(rolled, ['rotate', '--rollback'], 'ledger:1')).signal).toBe('SIGKILL');
    expect((await envguard(rolled, ['rotate', '--rollback'])).status).toBe(0);
    const ledger = readLedger(rolled);
    expect(verifyLedger(ledger).valid).toBe(true);
    expect(ledger.entries.map((entry) => (entry.type === 'rotation' ? entry.status : 'genesis'))).toEqual(['genesis', 'rolled_back']);
    for (const [file, text] of originals) expect(rolled.repo.read(file), file).toBe(text);
  });
});
