import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/core/dotenv/parse.js';
import { encryptToken } from '../../src/core/fernet.js';
import { decryptEncryptedFile, encryptDocument, parseEncryptedFile } from '../../src/core/encrypted-file.js';
import { generateKey, shortKeyId } from '../../src/core/key.js';
import { trickyEnv } from '../helpers/tricky-env.js';

const key = generateKey(randomBytes);
const options = { now: 1_700_000_000, random: randomBytes };
const encrypt = (text: string, previous?: string) =>
  encryptDocument(parseDotenv(text), key, { ...options, previous: previous === undefined ? undefined : parseEncryptedFile(previous, '.env.encrypted') });
const decrypt = (text: string, k = key) => decryptEncryptedFile(parseEncryptedFile(text, '.env.encrypted'), k, '.env.encrypted');

const SAMPLE = 'export API_KEY="abc def" # inline\nDB_PASSWORD=s3cr3t-value-123\n\n# a comment\r\nPEM="-----BEGIN KEY-----\nAAAA\n-----END KEY-----"\nLAST=1';

describe('encrypted file format v2', () => {
  it('writes a header with the format version and key id, one line per entry, no comment in clear', () => {
    const out = encrypt(SAMPLE);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^# envguard:v2 key=${shortKeyId(key)} `));
    expect(lines.filter((l) => l.includes('=fernet:')).map((l) => l.split('=')[0])).toEqual(['API_KEY', 'DB_PASSWORD', 'PEM', 'LAST']);
    expect(out).not.toContain('a comment');
    expect(out).not.toContain('s3cr3t');
  });

  it('decrypts back to the exact bytes, including a tricky 200-line file with BOM and CRLF', () => {
    for (const text of [SAMPLE, trickyEnv(), `\uFEFF${trickyEnv(200)}`, '', '# only a comment', 'A=1']) {
      expect(decrypt(encrypt(text))).toBe(text);
    }
  });

  it('keeps every unchanged token: editing one value changes exactly one line', () => {
    const before = trickyEnv();
    const first = encrypt(before);
    expect(encrypt(before, first)).toBe(first);
    const doc = parseDotenv(before);
    const target = doc.nodes.find((n) => n.kind === 'entry' && n.name === 'DB_HOST_0');
    expect(target).toBeDefined();
    const after = before.replace(target!.source, 'DB_HOST_0=changed');
    const second = encrypt(after, first);
    const a = first.split('\n');
    const b = second.split('\n');
    expect(b).toHaveLength(a.length);
    expect(a.filter((line, i) => line !== b[i])).toHaveLength(1);
    expect(decrypt(second)).toBe(after);
  });

  it('rejects a token moved to another name', () => {
    const out = encrypt('A=1\nB=2\n');
    const lines = out.split('\n');
    const tokenA = lines[1]!.split('=fernet:')[1];
    const tokenB = lines[2]!.split('=fernet:')[1];
    const swapped = [lines[0], `A=fernet:${tokenB}`, `B=fernet:${tokenA}`, ''].join('\n');
    expect(() => decrypt(swapped)).toThrow(/\.env\.encrypted:2: the token under A belongs to another variable/);
  });

  it('names the file and line for a damaged token, and rejects a wrong key by key id', () => {
    const out = encrypt('A=1\nB=2\n');
    // The replaced character itself decides the new one (it used to be the one before: 1 run in 64 changed nothing).
    const damaged = out.replace(/(B=fernet:.{20})(.)/, (_m, p: string, c: string) => `${p}${c === 'A' ? 'B' : 'A'}`);
    expect(() => decrypt(damaged)).toThrow(/\.env\.encrypted:3: the token is damaged, truncated or was encrypted with a different key/);
    expect(() => decrypt(out, generateKey(randomBytes))).toThrow(/encrypted with key [0-9a-f]{16}, but the key found is/);
  });

  it('rejects a plaintext line added by hand without echoing it', () => {
    const out = `${encrypt('A=1\n')}LEAKED=supersecretvalue\n`;
    expect(() => parseEncryptedFile(out, '.env.encrypted')).toThrow(/\.env\.encrypted:3: expected NAME=fernet:<token>/);
    try {
      parseEncryptedFile(out, '.env.encrypted');
    } catch (error) {
      expect(String(error)).not.toContain('supersecretvalue');
    }
  });

  it('no single-byte change anywhere goes undetected (comments are inside tokens now)', () => {
    const original = 'A=1\nexport B="x y"\n\n# c\nC=3\n# the end\n';
    const out = encrypt(original);
    const entriesOf = (text: string) => parseDotenv(text).nodes.filter((n) => n.kind === 'entry').map((n) => n.source);
    const replacements = ['A', 'z', '0', '=', '-', '_', ' ', '\n', '#', '\r'];
    let rejected = 0;
    let checked = 0;
    for (let i = 0; i < out.length; i++) {
      for (const c of replacements) {
        if (out[i] === c) continue;
        const tampered = out.slice(0, i) + c + out.slice(i + 1);
        let result: string | undefined;
        try {
          result = decrypt(tampered);
        } catch {
          result = undefined;
        }
        checked++;
        if (result === undefined) rejected++;
        else expect(result, `change at ${i} to ${JSON.stringify(c)}`).toBe(original);
      }
    }
    expect(entriesOf(original)).toHaveLength(3);
    expect(rejected).toBe(checked);
  });

  it('reads the legacy whole-file form', () => {
    const whole = `${encryptToken(key, Buffer.from(SAMPLE), { now: 1, iv: randomBytes(16) })}\n`;
    expect(parseEncryptedFile(whole, 'x').format).toBe('whole');
    expect(decrypt(whole)).toBe(SAMPLE);
  });
});
