import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/core/dotenv/parse.js';
import { encryptDocument } from '../../src/core/encrypted-file.js';
import { formatKey, generateKey, type FernetKey } from '../../src/core/key.js';
import { writeSyncState } from '../../src/io/sync-state.js';
import { preCommit } from '../../src/ops/pre-commit/pre-commit.js';
import { createEnvProject, type EnvProject } from '../helpers/env-project.js';

/**
 * What one pre-commit run reports as a whole: which environments it staged (in name order), the
 * "run the same commit again" notice and when it is left out, unmanaged env files, and the
 * token-replay refusal, each by its exact text.
 */
describe('preCommit result', () => {
  let project: EnvProject;
  afterEach(() => project?.repo.cleanup());
  const now = () => Math.floor(Date.now() / 1000);

  /** A second environment, `.env.staging`, committed and synced under its own key. */
  const addStaging = (plaintext: string): FernetKey => {
    const key = generateKey(randomBytes);
    const encrypted = encryptDocument(parseDotenv(plaintext), key, { now: now(), random: randomBytes });
    project.repo.write('.env.staging', plaintext);
    project.repo.write('.env.staging.encrypted', encrypted);
    writeSyncState(project.stateDir, '.env.staging', plaintext, encrypted);
    project.repo.git('add', '.env.staging.encrypted');
    project.repo.git('commit', '-qm', 'staging');
    return key;
  };

  it('reports nothing at all for a commit that does not touch an environment', () => {
    project = createEnvProject('A=a1\n');
    expect(preCommit(project.ctx(), project.stateDir)).toEqual({ staged: [], refusals: [], warnings: [], paths: [] });
  });

  it('stages every changed environment in name order and says once to commit again', () => {
    project = createEnvProject('A=a1\n');
    const staging = addStaging('S=s1\n');
    project.repo.write('.env.staging', 'S=s2\n');
    project.repo.write('.env', 'A=a2\n');
    const result = preCommit(project.ctx({ ENVGUARD_KEY_STAGING: formatKey(staging) }), project.stateDir);
    expect(result.refusals).toEqual([]);
    expect(result.staged).toEqual(['.env.encrypted', '.env.staging.encrypted']);
    expect(result.paths.sort()).toEqual(['.env.encrypted', '.env.staging.encrypted']);
    expect(result.warnings).toEqual([
      'only .env.encrypted, .env.staging.encrypted changed; if git now says "nothing to commit", run the same git commit again (the file is updated and staged), or commit .env-only changes with `git commit --allow-empty`',
    ]);
  });

  it('leaves out the notice when the commit is refused anyway, and reports refusals in name order', () => {
    project = createEnvProject('A=a1\n');
    addStaging('S=s1\n');
    project.repo.write('.env.staging', 'S=s2\n');
    project.repo.write('.env', 'A=a2\n');
    const both = preCommit(project.ctx({ ENVGUARD_KEY: '' }), project.stateDir);
    expect(both.refusals.map((problem) => `${problem.code} ${problem.file}`)).toEqual(['KEY_MISSING .env', 'KEY_MISSING .env.staging']);
    const result = preCommit(project.ctx(), project.stateDir);
    expect(result.refusals.map((problem) => `${problem.code} ${problem.file}`)).toEqual(['KEY_MISSING .env.staging']);
    expect(result.staged).toEqual(['.env.encrypted']);
    expect(result.warnings).toEqual([]);
  });

  it('never encrypts an env file init did not set up, or another tool\'s encrypted file: it says how to set one up', () => {
    project = createEnvProject('A=a1\n');
    project.repo.write('.env.production', 'P=prod-secret\n');
    project.repo.write('settings', 'x=1\n');
    project.repo.write('settings.encrypted', 'another tool\n');
    const result = preCommit(project.ctx(), project.stateDir);
    expect(result).toEqual({
      staged: [],
      refusals: [],
      warnings: ['.env.production is not an envguard environment: it is never encrypted or committed; to encrypt and share it: envguard init --env production'],
      paths: [],
    });
    expect(project.repo.read('settings.encrypted')).toBe('another tool\n');
  });

  it('refuses a staged token older than HEAD\'s for the same variable (an old value pasted back)', () => {
    project = createEnvProject('A=a1\n');
    project.repo.write('.env.encrypted', encryptDocument(parseDotenv('A=a0\n'), project.key, { now: now() - 3600, random: randomBytes }));
    project.repo.git('add', '.env.encrypted');
    const result = preCommit(project.ctx(), project.stateDir);
    expect(result.refusals).toEqual([
      {
        code: 'TOKEN_REPLAY',
        file: '.env.encrypted',
        message: expect.stringMatching(/^\.env\.encrypted:2: the token of A \(.*\) is older than the one in HEAD \(.*\): an old value pasted back \(token replay\)$/),
        hint: expect.stringContaining('git checkout HEAD -- .env.encrypted'),
      },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/a0|a1/);
  });
});
