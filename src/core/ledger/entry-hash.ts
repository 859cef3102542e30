import { createHash, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { LedgerEntry, UnsignedEntry } from './types.js';

/** The entry without its signatures: the part that is hashed into the chain and signed. */
export function unsignedEntry<E extends LedgerEntry>(entry: E): UnsignedEntry<E> {
  const { signatures: _signatures, ...rest } = entry;
  return rest;
}

/** The exact bytes every signature on the entry covers: canonical JSON of the unsigned entry. */
export function signingBytes(entry: UnsignedEntry | LedgerEntry): Buffer {
  const unsigned = 'signatures' in entry ? unsignedEntry(entry) : entry;
  return Buffer.from(canonicalJson(unsigned), 'utf8');
}

/** `sha256:` + hex of the signing bytes; the next entry's `prevHash`. */
export function entryHash(entry: UnsignedEntry | LedgerEntry): string {
  return 'sha256:' + createHash('sha256').update(signingBytes(entry)).digest('hex');
}

/**
 * Constant-time equality for hashes and public keys read from an untrusted file (sigstore-js
 * does the same): a chain check should not leak how much of a forged value was right.
 */
export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
