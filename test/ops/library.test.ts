import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatKey, generateKey } from '../../src/core/key.js';
import { config, decrypt, encrypt, parse } from '../../src/library.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

describe('library: config, encrypt, decrypt, parse', () => {
  let repo: TempRepo;
  afterEach(() => repo?.cleanup());
  const keyText = formatKey(generateKey(randomBytes));

  it('config() loads .env.encrypted into the given env without a plaintext file, not overriding by default', () => {
    repo = createTempRepo();
    writeFileSync(path.join(repo.dir, '.env.encrypted'), encrypt('A=1\nB="two"\nexport C=3 # c\n', keyText));
    const target: Record<string, string | undefined> = { A: 'already' };
    const cwd = process.cwd();
    process.chdir(repo.dir);
    try {
      const { parsed } = config({ key: keyText, processEnv: target });
      expect(parsed).toEqual({ A: '1', B: 'two', C: '3' });
      expect(target).toEqual({ A: 'already', B: 'two', C: '3' });
      config({ key: keyText, processEnv: target, override: true });
      expect(target.A).toBe('1');
      expect(() => config({ processEnv: {}, env: 'production', key: keyText, required: true })).toThrow(/\.env\.production\.encrypted does not exist/);
    } finally {
      process.chdir(cwd);
    }
  });

  it('config() with no encrypted file loads nothing and warns, as dotenv does, unless required', async () => {
    repo = createTempRepo();
    const cwd = process.cwd();
    process.chdir(repo.dir);
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const target: Record<string, string | undefined> = {};
      const result = config({ processEnv: target });
      expect(result.parsed).toEqual({});
      expect(result.error?.code).toBe('NOT_FOUND');
      expect(target).toEqual({});
      expect(config({ processEnv: target, quiet: true }).error?.message).toMatch(/\.env\.encrypted does not exist/);
      expect(() => config({ processEnv: target, required: true })).toThrow(/\.env\.encrypted does not exist/);
      // emitWarning delivers on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual(['envguard: .env.encrypted does not exist; no variables loaded']);
    } finally {
      process.off('warning', onWarning);
      process.chdir(cwd);
    }
  });

  it('encrypt/decrypt round-trip and parse agrees', () => {
    const text = 'X=1\r\nY="a\nb"\n';
    expect(decrypt(encrypt(text, keyText), keyText)).toBe(text);
    expect(decrypt(encrypt(text, keyText, { format: 'whole' }), keyText)).toBe(text);
    expect(parse(text)).toEqual({ X: '1', Y: 'a\nb' });
  });
});

describe('library: mask() after config()', () => {
  it('hides every loaded secret value in text the app logs', async () => {
    const { mask, clearMaskedValues } = await import('../../src/mask.js');
    const keyText = formatKey(generateKey(randomBytes));
    const repo = createTempRepo();
    writeFileSync(path.join(repo.dir, '.env.encrypted'), encrypt('DB_PASSWORD=hunter2-is-long\nPORT=8080\n', keyText));
    const cwd = process.cwd();
    process.chdir(repo.dir);
    try {
      config({ key: keyText, processEnv: {} });
      expect(mask('connecting with hunter2-is-long on 8080')).toBe('connecting with **** on 8080');
    } finally {
      process.chdir(cwd);
      clearMaskedValues();
      repo.cleanup();
    }
  });
});
