import { parseDotenv } from './dotenv/index.js';
import { decryptEncryptedFile, encryptDocument, encryptWhole, parseEncryptedFile } from './encrypted-file.js';
import type { FernetKey } from './key.js';

/** An encrypted file's content and format, decrypted for re-encryption (held in memory only). */
export interface DecryptedForRotation {
  plaintext: string;
  /** `values` (format v2, one token per variable) or `whole` (the legacy single token). */
  format: 'values' | 'whole';
}

export interface ReencryptOptions {
  /** Seconds since the epoch for the new tokens. */
  now: number;
  random: (size: number) => Buffer;
}

/** Decrypts an encrypted file with the old key; `DECRYPT_FAILED` naming file and line otherwise. */
export function decryptForRotation(text: string, fileName: string, oldKey: FernetKey): DecryptedForRotation {
  const parsed = parseEncryptedFile(text, fileName);
  return { plaintext: decryptEncryptedFile(parsed, oldKey, fileName), format: parsed.format };
}

/**
 * Encrypts the plaintext under the new key in the same format. Every token is fresh: reusing
 * none is the point, so the old key reads nothing of the new file.
 */
export function encryptForRotation(decrypted: DecryptedForRotation, fileName: string, newKey: FernetKey, options: ReencryptOptions): string {
  return decrypted.format === 'whole' ? encryptWhole(decrypted.plaintext, newKey, options) : encryptDocument(parseDotenv(decrypted.plaintext, fileName), newKey, options);
}

/** True when `output` decrypts with `key` to exactly `plaintext` (the rotation's verification). */
export function decryptsTo(output: string, fileName: string, key: FernetKey, plaintext: string): boolean {
  try {
    return decryptEncryptedFile(parseEncryptedFile(output, fileName), key, fileName) === plaintext;
  } catch {
    return false;
  }
}
