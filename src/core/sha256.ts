import { createHash } from 'node:crypto';

/** Lowercase hex SHA-256 of text (UTF-8) or bytes: file checksums in the sync state, journals and ledgers. */
export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
