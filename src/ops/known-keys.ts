import { decryptEncryptedFile, parseEncryptedFile } from '../core/encrypted-file.js';
import { shortKeyId, type FernetKey } from '../core/key.js';
import { allStoredKeys } from '../io/key-store.js';
import type { OpsContext } from './context.js';
import { findKeyFor, keyLookupFor } from './project-key.js';

/**
 * Decrypts an encrypted file's text with whichever key this machine has for it, the current one
 * or a retired one (the last-synced base may predate a rotation). Undefined when no key fits or
 * the text does not decrypt: callers then behave as if there were no base.
 */
export function decryptWithKnownKeys(ctx: OpsContext, envFile: string, encryptedText: string): string | undefined {
  try {
    const file = parseEncryptedFile(encryptedText, `${envFile}.encrypted`);
    const candidates: FernetKey[] = [];
    const current = findKeyFor(ctx, envFile);
    if (current) candidates.push(current.key);
    const { projectId } = keyLookupFor(ctx, envFile);
    if (projectId) candidates.push(...allStoredKeys(ctx.env, projectId));
    const key = file.format === 'values' ? candidates.find((k) => shortKeyId(k) === file.keyId) : candidates[0];
    return key ? decryptEncryptedFile(file, key, `${envFile}.encrypted`) : undefined;
  } catch {
    return undefined;
  }
}
