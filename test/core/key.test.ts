import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprint, formatKey, generateKey, keyFromBytes, parseKey, shortKeyId } from '../../src/core/key.js';

describe('keys', () => {
  const fixed = generateKey((n) => Buffer.alloc(n, 7));

  it('formats as 44 characters of padded base64url and parses back', () => {
    const text = formatKey(fixed);
    expect(text).toHaveLength(44);
    expect(text.endsWith('=')).toBe(true);
    expect(parseKey(text).raw.equals(fixed.raw)).toBe(true);
  });

  it('fingerprints as sha256: + hex of the raw bytes, short id the first 16 digits', () => {
    const hex = createHash('sha256').update(Buffer.alloc(32, 7)).digest('hex');
    expect(fingerprint(fixed)).toBe(`sha256:${hex}`);
    expect(shortKeyId(fixed)).toBe(hex.slice(0, 16));
    expect(shortKeyId(`sha256:${hex}`)).toBe(hex.slice(0, 16));
  });

  it('refuses an invalid key without echoing it', () => {
    const bad = 'not-a-key-but-maybe-a-secret-value-123456789';
    expect(() => parseKey(bad)).toThrow(/not a valid Fernet key/);
    try {
      parseKey(bad);
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(bad);
    }
    expect(() => parseKey(formatKey(fixed).slice(0, 43) + 'A')).toThrow();
  });

  it('reads only the text form: surrounding whitespace is dropped, standard base64 and other lengths are refused', () => {
    const text = formatKey(fixed);
    expect(parseKey(`  ${text}\n`).raw.equals(fixed.raw)).toBe(true);
    const formatError = expect.objectContaining({ code: 'KEY_INVALID', message: 'ENVGUARD_KEY is not a valid Fernet key (expected 44 characters of base64url ending in "=")', hint: 'generate one with `envguard keygen`, or import the team key with `envguard key import`' });
    // Node's decoder would read `+` and `/` (and skip other characters) to the same 32 bytes.
    for (const bad of [`+${text.slice(1)}`, `/${text.slice(1)}`, `${text.slice(0, 20)}.${text.slice(21)}`, text.slice(0, 43), `${text}A`, `${text.slice(0, 43)}A`]) {
      expect(() => parseKey(bad, 'ENVGUARD_KEY'), bad).toThrow(formatError);
    }
    expect(() => parseKey('x')).toThrow(/^key is not a valid Fernet key/);
  });

  it('builds a key from exactly 32 bytes: signing half first', () => {
    const raw = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
    const key = keyFromBytes(raw);
    expect([...key.signingKey]).toEqual([...raw.subarray(0, 16)]);
    expect([...key.encryptionKey]).toEqual([...raw.subarray(16)]);
    for (const length of [0, 31, 33]) expect(() => keyFromBytes(Buffer.alloc(length))).toThrow(expect.objectContaining({ code: 'KEY_INVALID', message: 'a Fernet key is 32 bytes' }));
  });
});
