import path from 'node:path';
import { decryptEncryptedFile, parseEncryptedFile } from '../../core/encrypted-file.js';
import { envNameOf, isPlaintextEnvFile, plaintextPathFor } from '../../core/env-files.js';
import { formatKey, shortKeyId } from '../../core/key.js';
import { isEnvguardError } from '../../errors.js';
import { pathExists } from '../../io/read-file.js';
import type { StagedBlobs } from '../../io/staged-blobs.js';
import { stagedPlaintextFix } from '../../core/env-file-kind.js';
import type { Problem } from '../../problem.js';
import type { OpsContext } from '../context.js';
import { PRE_COMMIT_MESSAGES as M } from './pre-commit-messages.js';

/** Key files that must never be committed, whatever they are called in a given tool. */
export const KEY_FILE = /(^|\/)(\.env\.keys|\.env\.vault\.key|envguard\.key|\.envguard[-.]key|[^/]*\.fernet(\.key)?)$/;

/** A staged key file or plaintext env file: refused as a whole, whatever it holds. */
export function stagedFileRefusal(file: string): Problem | undefined {
  if (KEY_FILE.test(file)) {
    return { code: 'PLAINTEXT_STAGED', file, ...M.keyFileStaged(file) };
  }
  if (isPlaintextEnvFile(file)) {
    return { code: 'PLAINTEXT_STAGED', file, message: M.plaintextStaged(), hint: stagedPlaintextFix(file) };
  }
  return undefined;
}

/**
 * A staged encrypted file the encryption pass did not judge (no `.env` beside it, say) must be
 * nothing but the header and valid tokens; with a key at hand every token must verify, and the
 * key itself must not be in it.
 */
export function stagedEncryptedFileRefusals(ctx: OpsContext, index: StagedBlobs, encryptedFile: string): Problem[] {
  const text = index.text(encryptedFile);
  if (text === undefined) return [];
  const envFile = plaintextPathFor(encryptedFile);
  let file;
  try {
    file = parseEncryptedFile(text, encryptedFile);
  } catch (error) {
    if (!isEnvguardError(error)) throw error;
    // Conflict markers with a .env beside them are resolved there (the encryption pass re-encrypts
    // .env over them); reaching here means it could not, so the conflict is still open.
    if (!isEnvguardError(error, 'CONFLICT') || !pathExists(path.join(ctx.cwd, envFile))) {
      return [{ code: error.code, file: encryptedFile, message: error.message, hint: error.hint ?? M.checkoutStaged(encryptedFile) }];
    }
    return [{ code: 'CONFLICT', file: encryptedFile, ...M.unresolvedConflict(envFile, encryptedFile) }];
  }
  const resolved = safely(() => ctx.keys.current(envNameOf(envFile)));
  if (!resolved || (file.format === 'values' && file.keyId !== shortKeyId(resolved.key))) return [];
  const problems: Problem[] = [];
  try {
    decryptEncryptedFile(file, resolved.key, encryptedFile);
  } catch (error) {
    if (!isEnvguardError(error)) throw error;
    problems.push({ code: error.code, file: encryptedFile, message: error.message, hint: error.hint ?? M.rewriteFromEnv(envFile) });
  }
  if (text.includes(formatKey(resolved.key))) {
    problems.push({ code: 'SECRET_FOUND', file: encryptedFile, ...M.keyInEncryptedFile(encryptedFile) });
  }
  return problems;
}

function safely<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}
