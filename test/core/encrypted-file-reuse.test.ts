import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/core/dotenv/parse.js';
import { decryptEncryptedFile, encryptDocument, encryptWhole, parseEncryptedFile } from '../../src/core/encrypted-file.js';
import { generateKey } from '../../src/core/key.js';

const options = { now: 1_700_000_000, random: randomBytes };
const tokens = (text: string) => text.split('\n').flatMap((line) => line.split('=fernet:')[1] ?? []);

/** Which earlier tokens a write may reuse: only those under the key it writes with. */
describe('encryptDocument token reuse', () => {
  it('reuses no token of a file under another key (a rotation re-encrypts every line)', () => {
    const old = generateKey(randomBytes);
    const next = generateKey(randomBytes);
    const before = encryptDocument(parseDotenv('A=1\nB=2\n'), old, options);
    const after = encryptDocument(parseDotenv('A=1\nB=2\n'), next, { ...options, previous: parseEncryptedFile(before, 'f') });
    expect(tokens(after).filter((token) => tokens(before).includes(token))).toEqual([]);
    expect(decryptEncryptedFile(parseEncryptedFile(after, 'f'), next, 'f')).toBe('A=1\nB=2\n');
  });

  it('reuses tokens under the same key, and none from a legacy whole-file token', () => {
    const key = generateKey(randomBytes);
    const before = encryptDocument(parseDotenv('A=1\nB=2\n'), key, options);
    const after = encryptDocument(parseDotenv('A=1\nB=3\n'), key, { ...options, previous: parseEncryptedFile(before, 'f') });
    expect(tokens(after)[0]).toBe(tokens(before)[0]);
    expect(tokens(after)[1]).not.toBe(tokens(before)[1]);
    const whole = encryptWhole('A=1\n', key, options);
    const fromWhole = encryptDocument(parseDotenv('A=1\n'), key, { ...options, previous: parseEncryptedFile(whole, 'f') });
    expect(decryptEncryptedFile(parseEncryptedFile(fromWhole, 'f'), key, 'f')).toBe('A=1\n');
  });
});
