import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprint, formatKey, generateKey, parseKey, shortKeyId } from '../../src/core/key.js';

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
});
