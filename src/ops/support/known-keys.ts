import { decryptEncryptedFile, parseEncryptedFile } from '../../core/encrypted-file.js';
import { envNameOf } from '../../core/env-files.js';
import { shortKeyId } from '../../core/key.js';
import { currentAndKnown } from '../../io/key-ring.js';
import type { OpsContext } from '../context.js';

/**
 * Decrypts an encrypted file's text with whichever key this machine has for it, the current one
 * or a retired one (the last-synced base may predate a rotation). Undefined when no key fits or
 * the text does not decrypt: callers then behave as if there were no base.
 */
export function decryptWithKnownKeys(ctx: OpsContext, envFile: string, encryptedText: string): string | undefined {
  try {
    const file = parseEncryptedFile(encryptedText, `${envFile}.encrypted`);
    const candidates = currentAndKnown(ctx.keys, envNameOf(envFile)).map((found) => found.key);
    const key = file.format === 'values' ? candidates.find((k) => shortKeyId(k) === file.keyId) : candidates[0];
    return key ? decryptEncryptedFile(file, key, `${envFile}.encrypted`) : undefined;
  } catch {
    return undefined;
  }
}
