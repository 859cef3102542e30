import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/core/dotenv/parse.js';
import { encryptDocument, parseEncryptedFile } from '../../src/core/encrypted-file.js';
import { formatKey, generateKey } from '../../src/core/key.js';
import { defaultContext, silentLogger, type OpsContext } from '../../src/ops/context.js';
import { revealVariable, showEnv } from '../../src/ops/show.js';

const key = generateKey((n) => Buffer.alloc(n, 21));
const T0 = 1_700_000_000;
const DAY = 86_400;
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function context(nowSeconds: number, env: NodeJS.ProcessEnv = { ENVGUARD_KEY: formatKey(key), ENVGUARD_HOME: path.join(dir, 'home') }): OpsContext {
  return defaultContext({ cwd: dir, now: () => new Date(nowSeconds * 1000), random: (n) => Buffer.alloc(n, 1), env, log: silentLogger });
}

describe('showEnv', () => {
  it('dates each value by its own token: a value re-encrypted later is younger', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'envguard-show-'));
    const first = encryptDocument(parseDotenv('API_TOKEN=first-token-value\nPORT=3000\n'), key, { now: T0, random: (n) => Buffer.alloc(n, 2) });
    const second = encryptDocument(parseDotenv('API_TOKEN=second-token-value\nPORT=3000\n'), key, { now: T0 + 10 * DAY, random: (n) => Buffer.alloc(n, 3), previous: parseEncryptedFile(first, '.env.encrypted') });
    writeFileSync(path.join(dir, '.env.encrypted'), second);

    const result = showEnv(context(T0 + 12 * DAY));
    expect(result.file).toBe('.env.encrypted');
    expect(result.variables.map(({ name, ageSeconds, value }) => ({ name, ageSeconds, value }))).toEqual([
      { name: 'API_TOKEN', ageSeconds: 2 * DAY, value: undefined },
      { name: 'PORT', ageSeconds: 12 * DAY, value: '3000' },
    ]);
    expect(JSON.stringify(result)).not.toContain('second-token-value');
    expect(revealVariable(context(T0), 'default', 'API_TOKEN')).toBe('second-token-value');
  });

  it('needs the key, and says how to get it', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'envguard-show-'));
    writeFileSync(path.join(dir, '.env.encrypted'), encryptDocument(parseDotenv('A_SECRET=value-one\n'), key, { now: T0, random: (n) => Buffer.alloc(n, 2) }));
    expect(() => showEnv(context(T0, { ENVGUARD_HOME: path.join(dir, 'home') }))).toThrow(expect.objectContaining({ code: 'KEY_MISSING' }));
  });
});
