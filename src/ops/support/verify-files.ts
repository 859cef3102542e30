import path from 'node:path';
import { decryptEncryptedFile, parseEncryptedFile } from '../../core/encrypted-file.js';
import { fingerprint, shortKeyId, type FernetKey } from '../../core/key.js';
import { ledgerPublicKey, sameText } from '../../core/ledger/index.js';
import { EnvguardError } from '../../errors.js';
import { readWorkFile } from '../rotation/rotation-run.js';
import { listEncryptedFiles } from '../rotation/environment-files.js';
import type { OpsContext } from '../context.js';
import { LEDGER_MESSAGES } from '../ledger-messages.js';

export interface FileCheck {
  /** Repository-relative path. */
  path: string;
  /** The short key id in the file's header (absent for the legacy whole-file form). */
  keyId?: string;
  /** `ok`; `other-key`: the header names a key other than the ledger's current one; `unreadable`: damaged, or does not decrypt with the current key. */
  result: 'ok' | 'other-key' | 'unreadable';
  /** True when the file was decrypted with the current key (this machine has it). */
  decrypted: boolean;
  message?: string;
}

export interface FilesVerification {
  /** This machine has the ledger's current key, so every file was also decrypted. */
  keyAvailable: boolean;
  /**
   * With the key: whether the signing key derived from it is the public key the ledger records
   * for it. Keyless verification cannot bind a fingerprint to a public key, so a ledger forged
   * with the real fingerprint but someone else's signing key is only caught here.
   */
  publicKeyMatches?: boolean;
  files: FileCheck[];
}

/**
 * Checks that an environment's encrypted files are under the ledger's current key. Without a key
 * it compares each header's key id with the ledger (which also catches a ledger cut short after
 * a rotation); with the key it decrypts every file. Never returns or logs a value.
 */
export function verifyEnvironmentFiles(ctx: OpsContext, root: string, environment: string, projectId: string, currentFingerprint: string, currentPublicKey: string): FilesVerification {
  const wanted = shortKeyId(currentFingerprint);
  const key = currentKey(ctx, root, environment, projectId, currentFingerprint);
  const files = listEncryptedFiles(ctx.git, root, environment).map((file): FileCheck => {
    let parsed;
    try {
      parsed = parseEncryptedFile(readWorkFile(path.join(root, file)), file);
    } catch (error) {
      return { path: file, result: 'unreadable', decrypted: false, message: error instanceof EnvguardError ? error.message : `${file} could not be read` };
    }
    const keyId = parsed.format === 'values' ? parsed.keyId : undefined;
    if (keyId !== undefined && keyId !== wanted) {
      return { path: file, keyId, result: 'other-key', decrypted: false, message: LEDGER_MESSAGES.fileUnderOtherKey(file, keyId, wanted) };
    }
    if (!key) return { path: file, keyId, result: 'ok', decrypted: false };
    try {
      decryptEncryptedFile(parsed, key, file);
      return { path: file, keyId, result: 'ok', decrypted: true };
    } catch (error) {
      return { path: file, keyId, result: 'unreadable', decrypted: false, message: error instanceof EnvguardError ? error.message : `${file} does not decrypt` };
    }
  });
  if (!key) return { keyAvailable: false, files };
  return { keyAvailable: true, publicKeyMatches: sameText(ledgerPublicKey(key), currentPublicKey), files };
}

function currentKey(ctx: OpsContext, root: string, environment: string, projectId: string, wanted: string): FernetKey | undefined {
  try {
    const key = ctx.keys.byFingerprint(environment, wanted)?.key;
    return key && fingerprint(key) === wanted ? key : undefined;
  } catch {
    // A malformed key variable is not this check's business: `envguard status` reports it.
    return undefined;
  }
}
