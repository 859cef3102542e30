import { describe, expect, it } from 'vitest';
import { base62Checksum, crc32, hasBase62Crc32, withBase62Crc32 } from '../../../src/core/scan/checksum.js';

describe('token checksums', () => {
  it('computes the standard CRC-32 (zlib check value)', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
  });
  it('encodes base62 padded to six characters', () => {
    expect(base62Checksum(0)).toBe('000000');
    expect(base62Checksum(61)).toBe('00000z');
    expect(base62Checksum(0xffffffff)).toBe('4gfFC3');
  });
  it('accepts a payload with its checksum and rejects any altered character', () => {
    const token = withBase62Crc32('abcdefghijklmnopqrstuvwxyz0123');
    expect(hasBase62Crc32(token)).toBe(true);
    expect(hasBase62Crc32(`b${token.slice(1)}`)).toBe(false);
    expect(hasBase62Crc32(token.slice(0, -1) + (token.endsWith('0') ? '1' : '0'))).toBe(false);
    expect(hasBase62Crc32('short')).toBe(false);
  });
});
