/**
 * Synthetic secrets for tests, built at run time from a seeded generator: the repository never
 * holds a literal that looks like a live token (our own pre-commit hook and push protection
 * would rightly flag it).
 */

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const HEX = '0123456789abcdef';
export const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const B64 = `${ALNUM}+/`;
export const B64URL = `${ALNUM}-_`;
export const DIGITS = '0123456789';

let state = 0x2545f491;

/** Restarts the generator so each test file sees the same values. */
export function reseed(seed: number): void {
  state = seed >>> 0 || 1;
}

/** `length` characters drawn from `alphabet` (xorshift32: deterministic, random-looking). */
export function fake(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

/** Joins parts: spelled out so a reader sees that a token prefix is split on purpose. */
export const join = (...parts: string[]): string => parts.join('');
