import path from 'node:path';
import { decryptEncryptedFile, parseEncryptedFile, type EncryptedFile } from '../core/encrypted-file.js';
import { envNameOf, plaintextPathFor } from '../core/env-files.js';
import { shortKeyId } from '../core/key.js';
import { isEnvguardError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { missingKeyError } from '../io/key-store.js';
import { readTextIfExists } from '../io/read-file.js';
import { sha256 } from '../core/sha256.js';
import { readSyncState, writeSyncState } from '../io/sync-state.js';
import type { OpsContext } from './context.js';
import { ENV_OP_MESSAGES } from './env-messages.js';
import { decryptWithKnownKeys } from './support/known-keys.js';
import { describeKeyChange } from './support/key-change.js';
import { keepIncomingBeside, mergeWithBase } from './support/merge-with-base.js';
import { keyFromAccessFiles } from './access/key-from-access-files.js';
import { describeLostAccess } from './access/lost-access.js';
import { refuseIncoming } from './incoming-tokens.js';

export type SyncOutcome =
  | { kind: 'unchanged' | 'written'; envFile: string }
  | { kind: 'merged'; envFile: string; keptLocal: string[] }
  | { kind: 'conflict'; envFile: string; incomingFile: string; conflicts: string[] }
  | { kind: 'kept-local'; envFile: string; incomingFile: string }
  | { kind: 'no-key' | 'key-changed' | 'invalid'; envFile: string; message: string; hint?: string };

/**
 * Brings a plaintext env file up to date with its encrypted file after git changed the latter
 * (post-checkout, post-merge, post-rewrite). Local edits are never lost: they are merged per
 * variable, or kept with the incoming version written beside them as `<file>.incoming`.
 */
export function syncEnvFile(ctx: OpsContext, encryptedRel: string, stateDirectory: string): SyncOutcome {
  const envFile = plaintextPathFor(encryptedRel);
  const envPath = path.join(ctx.cwd, envFile);
  const encryptedText = readTextIfExists(path.join(ctx.cwd, encryptedRel));
  if (encryptedText === undefined) return { kind: 'unchanged', envFile };

  const state = readSyncState(stateDirectory, envFile);
  // Nothing new came in: whatever differs in .env is the user's own edit, to be committed later.
  if (state && state.baseEncrypted === encryptedText && readTextIfExists(envPath) !== undefined) return { kind: 'unchanged', envFile };

  let file: EncryptedFile;
  try {
    file = parseEncryptedFile(encryptedText, encryptedRel);
  } catch (error) {
    return invalid(envFile, error);
  }
  const refused = refuseIncoming(ctx, envFile, file, state?.baseEncrypted);
  if (refused) return { kind: 'invalid', envFile, ...refused };
  let resolved;
  try {
    resolved = ctx.keys.current(envNameOf(envFile));
  } catch (error) {
    return invalid(envFile, error);
  }
  if (!resolved) {
    const missing = missingKeyError(envNameOf(envFile));
    const lost = file.format === 'values' ? describeLostAccess(ctx, envFile, envNameOf(envFile), file.keyId) : undefined;
    return { kind: 'no-key', envFile, message: ENV_OP_MESSAGES.notDecrypted(envFile, lost?.message ?? missing.message), hint: lost?.hint ?? missing.hint };
  }
  if (file.format === 'values' && file.keyId !== shortKeyId(resolved.key)) {
    // A teammate rotated (or revoked someone): the new key may be waiting in this machine's access file.
    try {
      const fromAccess = keyFromAccessFiles({ root: ctx.cwd, envName: envNameOf(envFile), env: ctx.env, warn: (message) => ctx.log.warn(message) });
      if (fromAccess && shortKeyId(fromAccess.key) === file.keyId) resolved = fromAccess;
    } catch (error) {
      return invalid(envFile, error);
    }
  }
  if (file.format === 'values' && file.keyId !== shortKeyId(resolved.key)) {
    const change = describeLostAccess(ctx, envFile, envNameOf(envFile), file.keyId) ?? describeKeyChange(ctx, envFile, file.keyId);
    return { kind: 'key-changed', envFile, message: ENV_OP_MESSAGES.notDecrypted(envFile, change.message), hint: change.hint };
  }

  let incoming: string;
  try {
    incoming = decryptEncryptedFile(file, resolved.key, encryptedRel);
  } catch (error) {
    return invalid(envFile, error);
  }
  const local = readTextIfExists(envPath);
  const remember = (plaintext: string) => writeSyncState(stateDirectory, envFile, plaintext, encryptedText);

  if (local === incoming) {
    remember(incoming);
    return { kind: 'unchanged', envFile };
  }
  if (local === undefined || (state && sha256(local) === state.plaintextSha256)) {
    writeFileAtomic(envPath, incoming, { mode: 0o600 });
    remember(incoming);
    return { kind: 'written', envFile };
  }

  // Local edits meet incoming changes: merge per variable against what we last wrote.
  const base = state ? decryptWithKnownKeys(ctx, envFile, state.baseEncrypted) : undefined;
  const merge = base === undefined ? undefined : mergeWithBase(base, local, incoming, { envFile, incomingName: encryptedRel });
  if (merge?.kind === 'merged') {
    writeFileAtomic(envPath, merge.text, { mode: 0o600 });
    // The base is now the incoming file; what remains different is the user's local edit.
    remember(incoming);
    return { kind: 'merged', envFile, keptLocal: merge.keptLocal };
  }
  // A conflict, no base to merge against, or a local file that does not parse: keep it and write the incoming one beside it.
  const incomingFile = keepIncomingBeside(ctx, stateDirectory, envFile, incoming, encryptedText);
  if (merge?.kind === 'conflict') return { kind: 'conflict', envFile, incomingFile, conflicts: merge.conflicts };
  return { kind: 'kept-local', envFile, incomingFile };
}

function invalid(envFile: string, error: unknown): SyncOutcome {
  if (!isEnvguardError(error)) throw error;
  return { kind: 'invalid', envFile, message: ENV_OP_MESSAGES.notDecrypted(envFile, error.message), hint: error.hint };
}
