import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptToken, encryptToken, looksLikeToken, tokenTimestamp } from '../../src/core/fernet.js';
import { generateKey, parseKey } from '../../src/core/key.js';
import { readVectors } from '../helpers/spec-vectors.js';

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

describe('Fernet spec vectors', () => {
  it.each(readVectors('generate'))('generates $token', (v) => {
    const token = encryptToken(parseKey(v.secret), Buffer.from(v.src!), { now: seconds(v.now), iv: Buffer.from(v.iv!) });
    expect(token).toBe(v.token);
  });

  it.each(readVectors('verify'))('verifies $token', (v) => {
    const { plaintext } = decryptToken(parseKey(v.secret), v.token, { ttlSeconds: v.ttl_sec, now: seconds(v.now) });
    expect(plaintext.toString()).toBe(v.src);
  });

  it.each(readVectors('invalid'))('rejects: $desc', (v) => {
    expect(() => decryptToken(parseKey(v.secret), v.token, { ttlSeconds: v.ttl_sec, now: seconds(v.now) })).toThrow(
      /token is invalid or was encrypted with a different key/,
    );
  });
});

describe('Fernet round trip and tamper rejection', () => {
  const key = generateKey(randomBytes);

  it('decrypt(encrypt(x)) = x for arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes, iv) => {
        const token = encryptToken(key, bytes, { now: 1_700_000_000, iv: Buffer.from(iv) });
        expect(looksLikeToken(token)).toBe(true);
        expect(tokenTimestamp(token)).toBe(1_700_000_000);
        expect(Buffer.compare(decryptToken(key, token).plaintext, Buffer.from(bytes))).toBe(0);
      }),
    );
  });

  it('rejects every single-character change to a token', () => {
    const token = encryptToken(key, Buffer.from('API_KEY=abc'), { now: 1_700_000_000, iv: randomBytes(16) });
    const alphabet = 'AZaz09-_=+/.';
    let rejected = 0;
    for (let i = 0; i < token.length; i++) {
      for (const c of alphabet) {
        if (c === token[i]) continue;
        const tampered = token.slice(0, i) + c + token.slice(i + 1);
        expect(() => decryptToken(key, tampered)).toThrow();
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(token.length * 10);
  });

  it('rejects truncation and a wrong key', () => {
    const token = encryptToken(key, Buffer.from('x'), { now: 1, iv: randomBytes(16) });
    for (let n = 0; n < token.length; n++) expect(() => decryptToken(key, token.slice(0, n))).toThrow();
    expect(() => decryptToken(generateKey(randomBytes), token)).toThrow();
  });
});
