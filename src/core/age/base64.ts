import { AgeError } from './age-error.js';

/**
 * age's base64: the standard alphabet without padding (age.md, "Conventions"). Decoding is
 * canonical: no padding, no whitespace, and the unused low bits of the last character are zero,
 * so every byte string has exactly one accepted encoding and the header MAC means one thing.
 */
const ALPHABET = /^[A-Za-z0-9+/]*$/;

/** Encodes bytes as unpadded standard base64. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/=+$/, '');
}

/** Decodes unpadded canonical base64; anything else throws a header failure. */
export function decodeBase64(text: string, what = 'age header'): Buffer {
  if (!ALPHABET.test(text) || text.length % 4 === 1) throw new AgeError('header', what, 'bad base64');
  const bytes = Buffer.from(text, 'base64');
  if (encodeBase64(bytes) !== text) throw new AgeError('header', what, 'non-canonical base64');
  return bytes;
}
