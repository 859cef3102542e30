import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEncryptedFile } from '../../src/core/encrypted-file.js';
import { formatKey, generateKey, shortKeyId } from '../../src/core/key.js';
import { decryptEnvFile } from '../../src/ops/decrypt.js';
import { encryptEnvFile } from '../../src/ops/encrypt.js';
import { createEnvProject, type EnvProject } from '../helpers/env-project.js';

/** `encrypt` and `decrypt` in-process: each refusal by its code, and what is (not) written. */
describe('encryptEnvFile', () => {
  let project: EnvProject;
  afterEach(() => project?.repo.cleanup());
  const encrypt = (input: Parameters<typeof encryptEnvFile>[1] = {}, extraEnv?: NodeJS.ProcessEnv) => encryptEnvFile(project.ctx(extraEnv), input);
  const otherKey = generateKey(randomBytes);
  const other = formatKey(otherKey);

  it('leaves an up-to-date encrypted file untouched, and re-encrypts only the entry that changed', () => {
    project = createEnvProject('A=1\nB=2\nC=3\n');
    const before = project.repo.read('.env.encrypted');
    expect(encrypt()).toMatchObject({ written: false, variables: 3, reused: 3, keyId: shortKeyId(project.key) });
    expect(project.repo.read('.env.encrypted')).toBe(before);
    project.repo.write('.env', 'A=1\nB=changed\nC=3\n');
    expect(encrypt()).toMatchObject({ written: true, variables: 3, reused: 2 });
    const after = project.repo.read('.env.encrypted').split('\n');
    expect(after.filter((line) => before.split('\n').includes(line) && line.includes('=fernet:'))).toHaveLength(2);
    expect(decryptEnvFile(project.ctx(), { stdout: true }).text).toBe('A=1\nB=changed\nC=3\n');
  });

  it('refuses to replace an encrypted file that is under another key, unless forced', () => {
    project = createEnvProject('A=1\n');
    project.repo.write('.env', 'A=2\n');
    const before = project.repo.read('.env.encrypted');
    expect(() => encrypt({}, { ENVGUARD_KEY: other })).toThrow(expect.objectContaining({ code: 'KEY_MISMATCH' }));
    expect(project.repo.read('.env.encrypted')).toBe(before);
    expect(encrypt({ force: true }, { ENVGUARD_KEY: other })).toMatchObject({ written: true, reused: 0 });
    expect(parseEncryptedFile(project.repo.read('.env.encrypted'), '.env.encrypted')).toMatchObject({ keyId: shortKeyId(otherKey) });
  });

  it('replaces a damaged previous file instead of reusing it, and refuses a missing or unparsable .env', () => {
    project = createEnvProject('A=1\n');
    project.repo.write('.env.encrypted', 'not an encrypted file\n');
    expect(encrypt()).toMatchObject({ written: true, reused: 0 });
    expect(decryptEnvFile(project.ctx(), { stdout: true }).text).toBe('A=1\n');
    project.repo.write('.env', 'A="unterminated\n');
    expect(() => encrypt()).toThrow(expect.objectContaining({ code: 'PARSE_ERROR' }));
    expect(() => encrypt({ envPath: 'missing.env' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('writes the whole-file legacy form on request', () => {
    project = createEnvProject('A=1\n');
    project.repo.write('.env', 'A=2\n');
    expect(encrypt({ format: 'whole' })).toMatchObject({ written: true, reused: 0 });
    expect(parseEncryptedFile(project.repo.read('.env.encrypted'), '.env.encrypted').format).toBe('whole');
    expect(decryptEnvFile(project.ctx(), { stdout: true }).text).toBe('A=2\n');
  });
});

describe('decryptEnvFile', () => {
  let project: EnvProject;
  afterEach(() => project?.repo.cleanup());
  const decrypt = (input: Parameters<typeof decryptEnvFile>[1] = {}, extraEnv?: NodeJS.ProcessEnv) => decryptEnvFile(project.ctx(extraEnv), input);

  it('writes a missing .env owner-only, then reports it unchanged', () => {
    project = createEnvProject('A=1\n');
    const envPath = path.join(project.repo.dir, '.env');
    rmSync(envPath);
    expect(decrypt()).toMatchObject({ outcome: 'written' });
    expect(project.repo.read('.env')).toBe('A=1\n');
    expect(statSync(envPath).mode & 0o777).toBe(0o600);
    expect(decrypt()).toMatchObject({ outcome: 'unchanged' });
  });

  it('never overwrites a .env with local edits without force', () => {
    project = createEnvProject('A=1\n');
    project.repo.write('.env', 'A=local\n');
    expect(() => decrypt()).toThrow(expect.objectContaining({ code: 'LOCAL_CHANGES' }));
    expect(project.repo.read('.env')).toBe('A=local\n');
    expect(decrypt({ stdout: true })).toMatchObject({ outcome: 'stdout', text: 'A=1\n' });
    expect(project.repo.read('.env')).toBe('A=local\n');
    expect(decrypt({ force: true })).toMatchObject({ outcome: 'written' });
    expect(project.repo.read('.env')).toBe('A=1\n');
  });

  it('refuses a file under another key by its code, writing nothing and naming no value', () => {
    project = createEnvProject('A=supersecretvalue\n');
    project.repo.write('.env', 'A=local\n');
    const other = formatKey(generateKey(randomBytes));
    let thrown: unknown;
    try {
      decrypt({ force: true }, { ENVGUARD_KEY: other });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'KEY_MISMATCH' });
    expect(String((thrown as Error).message)).not.toContain('supersecretvalue');
    expect(project.repo.read('.env')).toBe('A=local\n');
  });
});
