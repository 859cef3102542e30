import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptToken, encryptToken, looksLikeToken, tokenTimestamp } from '../../src/core/fernet.js';
import { generateKey, parseKey } from '../../src/core/key.js';
import { readVectors } from '../helpers/spec-vectors.js';

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
/** Base64url with `=` padding, as the spec (and Python) writes a token. */
const paddedBase64url = (bytes: Buffer) => bytes.toString('base64').replaceAll('+', '-').replaceAll('/', '_');

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
        // Padded base64url exactly as the spec (and Python) writes it, whatever the length.
        expect(token).toBe(paddedBase64url(Buffer.from(token, 'base64url')));
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

describe('Fernet checks beyond the MAC', () => {
  const key = generateKey(randomBytes);
  const T = 1_700_000_000;
  const token = encryptToken(key, Buffer.from('value'), { now: T, iv: randomBytes(16) });
  /** A token of these bytes with a valid MAC: what only the checks other than the MAC can refuse. */
  const signedToken = (body: Buffer) => paddedBase64url(Buffer.concat([body, createHmac('sha256', key.signingKey).update(body).digest()]));
  const bodyOf = (text: string) => Buffer.from(text, 'base64url').subarray(0, -32);

  it('pads base64url as the spec does for every length of ciphertext, and reads it back', () => {
    // One to four blocks: the token's byte length takes each remainder modulo 3.
    for (let length = 0; length <= 64; length++) {
      const plaintext = randomBytes(length);
      const sealed = encryptToken(key, plaintext, { now: T, iv: randomBytes(16) });
      expect(sealed).toBe(paddedBase64url(Buffer.from(sealed, 'base64url')));
      expect(decryptToken(key, sealed).plaintext.equals(plaintext)).toBe(true);
    }
  });

  it('refuses a token whose last character differs only in bits base64 leaves unused (same bytes, same MAC)', () => {
    const sealed = encryptToken(key, Buffer.from('value'), { now: T, iv: randomBytes(16) });
    const data = sealed.replace(/=+$/, '');
    const last = data.length - 1;
    // Before `=` padding, the lowest bit of the last character carries nothing.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const index = alphabet.indexOf(data[last] as string);
    const twin = alphabet[index ^ 1] as string;
    const edited = `${data.slice(0, last)}${twin}${sealed.slice(data.length)}`;
    expect(Buffer.from(edited, 'base64url').equals(Buffer.from(sealed, 'base64url'))).toBe(true);
    expect(() => decryptToken(key, edited)).toThrow(/token is invalid/);
    expect(tokenTimestamp(edited)).toBeUndefined();
  });

  it('accepts a token up to exactly its TTL and up to 60 seconds from the future, and no further', () => {
    const at = (now: number) => () => decryptToken(key, token, { ttlSeconds: 100, now });
    expect(at(T + 100)().plaintext.toString()).toBe('value');
    expect(at(T + 101)).toThrow(/token is invalid/);
    expect(at(T - 60)().plaintext.toString()).toBe('value');
    expect(at(T - 61)).toThrow(/token is invalid/);
    // Without a TTL the age is not checked (a committed value stays readable).
    expect(decryptToken(key, token, { now: T + 10 ** 9 }).timestamp).toBe(T);
  });

  it('refuses another version byte even under a valid MAC', () => {
    const body = Buffer.from(bodyOf(token));
    expect(decryptToken(key, signedToken(body)).plaintext.toString()).toBe('value');
    body[0] = 0x81;
    expect(() => decryptToken(key, signedToken(body))).toThrow(/token is invalid/);
  });

  it('fails as DECRYPT_FAILED with one message and its fix, whichever check failed', () => {
    for (const bad of [token.slice(0, -4), `${token.slice(0, 10)}A${token.slice(11)}`, signedToken(Buffer.from([0x80, ...Buffer.alloc(8)]))]) {
      expect(() => decryptToken(key, bad)).toThrow(
        expect.objectContaining({
          code: 'DECRYPT_FAILED',
          message: 'the token is invalid or was encrypted with a different key',
          hint: 'check that you have the current key (`envguard status`), or restore the file from git',
        }),
      );
    }
  });

  it('reads a timestamp without the key only from something shaped like a token', () => {
    expect(tokenTimestamp(token)).toBe(T);
    expect(tokenTimestamp('')).toBeUndefined();
    expect(tokenTimestamp('not a token')).toBeUndefined();
    const body = Buffer.from(bodyOf(token));
    body[0] = 0x81;
    expect(tokenTimestamp(signedToken(body))).toBeUndefined();
    // Version and part of a timestamp: too short to hold one.
    expect(tokenTimestamp(paddedBase64url(Buffer.from([0x80, 0, 0, 0, 0])))).toBeUndefined();
  });

  it('tells a token by its shape: the version prefix, at least 100 characters, padded base64url', () => {
    expect(looksLikeToken(token)).toBe(true);
    expect(looksLikeToken(token.slice(0, 96))).toBe(false);
    expect(looksLikeToken(`${token.slice(0, 20)}+${token.slice(21)}`)).toBe(false);
    expect(looksLikeToken(`hAAAAA${token.slice(6)}`)).toBe(false);
  });
});
