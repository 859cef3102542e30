import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/core/dotenv/parse.js';
import { encryptDocument, encryptWhole } from '../../src/core/encrypted-file.js';
import { formatKey, generateKey, shortKeyId } from '../../src/core/key.js';
import { missingKeyError } from '../../src/io/key-store.js';
import { syncEnvFile } from '../../src/ops/sync-env.js';
import { createEnvProject, type EnvProject } from '../helpers/env-project.js';

/**
 * Every outcome of the checkout hooks' sync, asserted by what the developer sees: the outcome,
 * the `.env` left behind (content and 0600 mode), what is written beside it, and that no value
 * reaches a message. Values are distinctive so a leak would show.
 */
describe('syncEnvFile outcomes', () => {
  let project: EnvProject;
  afterEach(() => project?.repo.cleanup());
  const sync = (extraEnv?: NodeJS.ProcessEnv) => syncEnvFile(project.ctx(extraEnv), '.env.encrypted', project.stateDir);
  const incoming = (text: string) => project.repo.write('.env.encrypted', project.encrypt(text));
  const mode = (file: string) => statSync(path.join(project.repo.dir, file)).mode & 0o777;
  const forgetState = () => rmSync(project.stateDir, { recursive: true, force: true });
  const remove = (file: string) => rmSync(path.join(project.repo.dir, file));

  it('without an encrypted file changes nothing', () => {
    project = createEnvProject('A=first-secret\n');
    remove('.env.encrypted');
    expect(sync()).toEqual({ kind: 'unchanged', envFile: '.env' });
    expect(project.repo.read('.env')).toBe('A=first-secret\n');
  });

  it('keeps a local edit when nothing new came in, and writes nothing beside it', () => {
    project = createEnvProject('A=first-secret\n');
    project.repo.write('.env', 'A=my-own-edit\n');
    expect(sync()).toEqual({ kind: 'unchanged', envFile: '.env' });
    expect(project.repo.read('.env')).toBe('A=my-own-edit\n');
    expect(project.exists('.env.incoming')).toBe(false);
  });

  it('writes back a deleted .env (0600) even when nothing new came in', () => {
    project = createEnvProject('A=first-secret\n');
    remove('.env');
    expect(sync()).toEqual({ kind: 'written', envFile: '.env' });
    expect(project.repo.read('.env')).toBe('A=first-secret\n');
    expect(mode('.env')).toBe(0o600);
  });

  it('on a fresh clone (no sync state) writes .env, then remembers it', () => {
    project = createEnvProject('A=first-secret\n');
    forgetState();
    remove('.env');
    expect(sync()).toEqual({ kind: 'written', envFile: '.env' });
    expect(project.repo.read('.env')).toBe('A=first-secret\n');
    expect(sync()).toEqual({ kind: 'unchanged', envFile: '.env' });
  });

  it('on a fresh clone whose .env already matches, writes nothing beside it and takes later changes', () => {
    project = createEnvProject('A=first-secret\n');
    forgetState();
    expect(sync()).toEqual({ kind: 'unchanged', envFile: '.env' });
    expect(project.exists('.env.incoming')).toBe(false);
    // The match was remembered as the base: the next change is applied, not kept beside.
    incoming('A=second-secret\n');
    expect(sync()).toEqual({ kind: 'written', envFile: '.env' });
    expect(project.repo.read('.env')).toBe('A=second-secret\n');
  });

  it('on a fresh clone with a different .env keeps it and writes the incoming version (0600) beside it', () => {
    project = createEnvProject('A=first-secret\n');
    forgetState();
    project.repo.write('.env', 'A=my-own-edit\n');
    const outcome = sync();
    expect(outcome).toEqual({ kind: 'kept-local', envFile: '.env', incomingFile: '.env.incoming' });
    expect(project.repo.read('.env')).toBe('A=my-own-edit\n');
    expect(project.repo.read('.env.incoming')).toBe('A=first-secret\n');
    expect(mode('.env.incoming')).toBe(0o600);
  });

  it('merges the next change against the version it last wrote, and writes the merge 0600', () => {
    project = createEnvProject('A=a1\nB=b1\n');
    incoming('A=a2\nB=b1\n');
    expect(sync()).toEqual({ kind: 'written', envFile: '.env' });
    expect(mode('.env')).toBe(0o600);
    project.repo.write('.env', 'A=a2\nB=b-mine\n');
    // Against the first version A would have changed on both sides; against the one written, only incoming changed it.
    incoming('A=a3\nB=b1\n');
    expect(sync()).toEqual({ kind: 'merged', envFile: '.env', keptLocal: ['B'] });
    expect(project.repo.read('.env')).toBe('A=a3\nB=b-mine\n');
    expect(mode('.env')).toBe(0o600);
  });

  it('a merge that succeeds is remembered: the merged .env is the developer\'s edit, kept on the next sync', () => {
    project = createEnvProject('A=a1\nB=b1\n');
    project.repo.write('.env', 'A=a1\nB=b-mine\n');
    incoming('A=a2\nB=b1\n');
    expect(sync()).toMatchObject({ kind: 'merged' });
    expect(sync()).toEqual({ kind: 'unchanged', envFile: '.env' });
    expect(project.repo.read('.env')).toBe('A=a2\nB=b-mine\n');
  });

  it('without a key says so with the key store\'s advice, naming no value', () => {
    project = createEnvProject('A=first-secret\n');
    incoming('A=second-secret\n');
    const missing = missingKeyError('default');
    const outcome = sync({ ENVGUARD_KEY: '' });
    expect(outcome).toEqual({ kind: 'no-key', envFile: '.env', message: `.env not decrypted: ${missing.message}`, hint: missing.hint });
    expect(project.repo.read('.env')).toBe('A=first-secret\n');
  });

  it('a file under another key is a key change: .env is left alone and the message names the key id, never a key', () => {
    project = createEnvProject('A=first-secret\n');
    const other = generateKey(randomBytes);
    project.repo.write('.env.encrypted', encryptDocument(parseDotenv('A=rotated-secret\n'), other, { now: Math.floor(Date.now() / 1000), random: randomBytes }));
    const outcome = sync();
    expect(outcome).toMatchObject({ kind: 'key-changed', envFile: '.env' });
    if (outcome.kind !== 'key-changed') throw new Error('unreachable');
    expect(outcome.message).toMatch(/^\.env not decrypted: /);
    expect(outcome.message).toContain(shortKeyId(other));
    expect(outcome.hint).toBeTruthy();
    const shown = JSON.stringify(outcome);
    for (const secret of [formatKey(other), formatKey(project.key), 'rotated-secret', 'first-secret']) expect(shown).not.toContain(secret);
    expect(project.repo.read('.env')).toBe('A=first-secret\n');
  });

  it('reads the legacy whole-file format under the project key', () => {
    project = createEnvProject('A=first-secret\n');
    project.repo.write('.env.encrypted', encryptWhole('A=whole-secret\n', project.key, { now: Math.floor(Date.now() / 1000), random: randomBytes }));
    expect(sync()).toEqual({ kind: 'written', envFile: '.env' });
    expect(project.repo.read('.env')).toBe('A=whole-secret\n');
  });

  it('a legacy whole file under another key, a damaged file, a forged token and a malformed key are each refused, .env untouched', () => {
    project = createEnvProject('A=first-secret\n');
    const original = project.repo.read('.env.encrypted');
    const cases: Array<[string, string, NodeJS.ProcessEnv?]> = [
      ['DECRYPT_FAILED', encryptWhole('A=whole-secret\n', generateKey(randomBytes), { now: Math.floor(Date.now() / 1000), random: randomBytes })],
      ['damaged', 'A=pasted-plaintext\n'],
      ['forged', original.replace(/=fernet:(.{20})/, (_all, head: string) => `=fernet:${head.slice(0, -2)}${head.endsWith('AA') ? 'BB' : 'AA'}`)],
      ['malformed key', project.encrypt('A=second-secret\n'), { ENVGUARD_KEY: 'not-a-key' }],
    ];
    for (const [what, text, env] of cases) {
      project.repo.write('.env.encrypted', text);
      const outcome = sync(env);
      expect(outcome, what).toMatchObject({ kind: 'invalid', envFile: '.env' });
      if (outcome.kind !== 'invalid') throw new Error('unreachable');
      expect(outcome.message, what).toMatch(/^\.env not decrypted: \S/);
      expect(outcome.hint, what).toBeTruthy();
      for (const secret of ['first-secret', 'whole-secret', 'pasted-plaintext', 'second-secret', 'not-a-key']) expect(JSON.stringify(outcome), what).not.toContain(secret);
      expect(project.repo.read('.env'), what).toBe('A=first-secret\n');
      expect(project.exists('.env.incoming'), what).toBe(false);
    }
  });

  it('refuses an incoming file that pastes an older token back over the synced one, leaving .env alone', () => {
    project = createEnvProject('A=first-secret\n');
    // A later commit whose A token is older than the one .env was synced from (a keyless rollback).
    project.repo.write('.env.encrypted', encryptDocument(parseDotenv('A=old-secret\n'), project.key, { now: Math.floor(Date.now() / 1000) - 3600, random: randomBytes }));
    project.repo.git('commit', '-qam', 'roll back');
    const outcome = sync();
    expect(outcome).toMatchObject({ kind: 'invalid', envFile: '.env', message: expect.stringMatching(/^\.env not updated: \.env\.encrypted:2: the token of A .* \(token replay\)$/) });
    expect(JSON.stringify(outcome)).not.toMatch(/old-secret|first-secret/);
    expect(project.repo.read('.env')).toBe('A=first-secret\n');
  });
});
