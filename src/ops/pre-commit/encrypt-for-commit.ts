import path from 'node:path';
import { parseDotenv } from '../../core/dotenv/parse.js';
import { decryptEncryptedFile, encryptDocument, parseEncryptedFile, type EncryptedFile } from '../../core/encrypted-file.js';
import { encryptedPathFor, envNameOf, incomingPathFor } from '../../core/env-files.js';
import { shortKeyId, type FernetKey } from '../../core/key.js';
import { isEnvguardError } from '../../errors.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { missingKeyError } from '../../io/key-store.js';
import { pathExists, readTextIfExists } from '../../io/read-file.js';
import type { StagedBlobs } from '../../io/staged-blobs.js';
import { sha256 } from '../../core/sha256.js';
import { readPendingSyncState, readSyncState, writeDerivedFile, writePendingSyncState, type SyncState } from '../../io/sync-state.js';
import type { Problem } from '../../problem.js';
import type { OpsContext } from '../context.js';
import { describeKeyChange } from '../support/key-change.js';
import { decryptWithKnownKeys } from '../support/known-keys.js';
import { keepIncomingBeside, mergeWithBase } from '../support/merge-with-base.js';
import { hasConflictMarkers, withoutConflictMarkers } from '../../core/conflict-markers.js';
import { PRE_COMMIT_MESSAGES as M } from './pre-commit-messages.js';

/** What the encryption pass did with one plaintext env file. */
export type EncryptOutcome =
  /** `.env` is what envguard last synced, or the staged file already holds it: nothing to stage. */
  | { kind: 'unchanged' }
  /** Re-encrypted and written; the caller stages it. `merged`: changes git brought in were merged into `.env`. */
  | { kind: 'encrypted'; encryptedFile: string; text: string; merged: boolean }
  /** Refused; `judged` says the staged encrypted file needs no further check. */
  | { kind: 'refused'; problem: Problem; judged: boolean };

/**
 * `.env` is the source of truth for the values the developer changed since envguard last wrote
 * it (the sync state): those are encrypted, merged per variable with any change the encrypted
 * file took meanwhile. A `.env` the developer did not touch changes nothing, so a staged
 * encrypted file that came from git (a merge, a checkout of one file) is committed as it is.
 */
export function encryptForCommit(ctx: OpsContext, index: StagedBlobs, envFile: string, stateDirectory: string): EncryptOutcome {
  const encryptedFile = encryptedPathFor(envFile);
  const envPath = path.join(ctx.cwd, envFile);
  const plaintext = readTextIfExists(envPath);
  if (plaintext === undefined) return { kind: 'unchanged' };
  const state = readSyncState(stateDirectory, envFile);
  // Usually the staged file is the one envguard last synced, confirmed from the index with no git call.
  const stagedText = index.text(encryptedFile, state?.baseEncrypted);
  let staged: EncryptedFile | undefined;
  let conflicted = false;
  if (stagedText !== undefined) {
    try {
      staged = parseEncryptedFile(stagedText, encryptedFile);
    } catch (error) {
      if (!isEnvguardError(error)) throw error;
      // A merge conflict is resolved in .env (below); a hand-edited file (a pasted plaintext
      // line, a damaged header) is refused before anything re-encrypts over it, so the edit is
      // neither committed nor silently dropped.
      if (error.code !== 'CONFLICT') return refused({ code: error.code, file: encryptedFile, message: error.message, hint: error.hint ?? `git checkout -- ${encryptedFile}` }, true);
      conflicted = true;
    }
  }
  // Untouched since envguard wrote it: nothing of the developer's to encrypt.
  if (state && state.plaintextSha256 === sha256(plaintext) && !conflicted) return { kind: 'unchanged' };
  // Staged by an earlier run for a commit that did not happen yet ("run the same git commit again").
  const pending = readPendingSyncState(stateDirectory, envFile);
  if (pending && !conflicted && stagedText === pending.baseEncrypted && pending.plaintextSha256 === sha256(plaintext)) return { kind: 'unchanged' };

  const incomingFile = incomingPathFor(envFile);
  if (hasConflictMarkers(plaintext)) {
    return refused({ code: 'CONFLICT', file: envFile, ...M.envHasConflictMarkers(envFile) });
  }
  if (pathExists(path.join(ctx.cwd, incomingFile))) {
    return refused({ code: 'CONFLICT', file: envFile, ...M.incomingWaiting(envFile) });
  }
  const resolved = ctx.keys.current(envNameOf(envFile));
  if (!resolved) return refused({ code: 'KEY_MISSING', file: envFile, message: M.noKeyToEncrypt(envFile), hint: missingKeyError(envNameOf(envFile)).hint ?? '' });

  const previous = conflicted && stagedText !== undefined ? tryParse(withoutConflictMarkers(stagedText), encryptedFile) : staged;
  if (previous?.format === 'values' && previous.keyId !== shortKeyId(resolved.key)) {
    const change = describeKeyChange(ctx, envFile, previous.keyId);
    // A judgement of the staged encrypted file itself: the staged-file checks would only say it again.
    return refused({ code: 'KEY_MISMATCH', file: encryptedFile, message: M.cannotEncryptUnderOtherKey(envFile, change.message), hint: change.hint }, true);
  }
  // The staged file is what envguard last synced, and .env has changed since: no need to decrypt it to know it differs.
  const stagedIsBase = state !== undefined && stagedText === state.baseEncrypted;
  if (!conflicted && !stagedIsBase && previous && stagedText !== undefined && decryptsTo(previous, resolved.key, encryptedFile) === plaintext) {
    writePendingSyncState(stateDirectory, envFile, plaintext, stagedText);
    return { kind: 'unchanged' };
  }

  // What an earlier run staged for a commit that did not happen ("nothing to commit") holds the
  // developer's own earlier edit, not an incoming change: .env wins over it, with no merge.
  const stagedIsOurs = stagedIsBase || (pending !== undefined && stagedText === pending.baseEncrypted);
  let target = plaintext;
  if (!conflicted && state && stagedText !== undefined && previous && !stagedIsOurs && readTextIfExists(path.join(ctx.cwd, encryptedFile)) === stagedText) {
    // git brought a new encrypted file into the index and the working tree since .env was last
    // synced (a pull whose decrypt did not run): encrypting .env as it is would silently undo
    // that change, so merge per variable instead. (An index that merely went back, as after
    // `git reset HEAD~`, leaves the working tree file at the synced version: .env wins there.)
    const merged = mergeStaged(ctx, { envFile, state, local: plaintext, staged: previous, stagedText, key: resolved.key, stateDirectory });
    // A staged file that does not decrypt is judged here (the staged-file checks would report it twice).
    if (typeof merged !== 'string') return refused(merged, merged.file === encryptedFile);
    target = merged;
  }

  let doc;
  try {
    doc = parseDotenv(target, envFile);
  } catch (error) {
    if (!isEnvguardError(error)) throw error;
    return refused({ code: error.code, file: envFile, message: error.message, hint: error.hint ?? M.fixEnvFile(envFile) });
  }
  const output = encryptDocument(doc, resolved.key, { now: Math.floor(ctx.now().getTime() / 1000), random: ctx.random, previous });
  if (target !== plaintext) writeFileAtomic(envPath, target, { mode: 0o600 });
  writeDerivedFile(path.join(ctx.cwd, encryptedFile), output);
  // The sync state moves on only once the commit exists (post-commit): issue 16.6.
  writePendingSyncState(stateDirectory, envFile, target, output);
  return { kind: 'encrypted', encryptedFile, text: output, merged: target !== plaintext };
}

interface StagedMerge {
  envFile: string;
  state: SyncState;
  local: string;
  staged: EncryptedFile;
  stagedText: string;
  key: FernetKey;
  stateDirectory: string;
}

/**
 * Three-way merge of the last-synced base, the developer's `.env` and the staged encrypted file.
 * Returns the text to encrypt, or the problem (a real conflict leaves the staged version beside
 * `.env` as `.env.incoming`, as the checkout hooks do).
 */
function mergeStaged(ctx: OpsContext, merge: StagedMerge): string | Problem {
  const { envFile, stagedText } = merge;
  const encryptedFile = encryptedPathFor(envFile);
  let incoming: string;
  try {
    incoming = decryptEncryptedFile(merge.staged, merge.key, encryptedFile);
  } catch (error) {
    if (!isEnvguardError(error)) throw error;
    // The failing line and why, as the staged-file checks would say it (they are told it is judged).
    return { code: error.code, file: encryptedFile, message: error.message, hint: M.restoreStaged(encryptedFile) };
  }
  const base = decryptWithKnownKeys(ctx, envFile, merge.state.baseEncrypted);
  if (base === undefined) return merge.local;
  const outcome = mergeWithBase(base, merge.local, incoming, { envFile, incomingName: encryptedFile });
  if (outcome.kind === 'merged') return outcome.text;
  if (outcome.kind === 'unmergeable') return { code: outcome.error.code, file: envFile, message: outcome.error.message, hint: outcome.error.hint ?? `fix ${envFile}` };
  const incomingFile = keepIncomingBeside(ctx, merge.stateDirectory, envFile, incoming, stagedText);
  return { code: 'CONFLICT', file: envFile, ...M.bothChanged(envFile, encryptedFile, outcome.conflicts, incomingFile) };
}


function refused(problem: Problem, judged = false): EncryptOutcome {
  return { kind: 'refused', problem, judged };
}

/** The plaintext a parsed file decrypts to, or undefined when it does not decrypt. */
function decryptsTo(file: EncryptedFile, key: FernetKey, name: string): string | undefined {
  try {
    return decryptEncryptedFile(file, key, name);
  } catch {
    return undefined;
  }
}

function tryParse(text: string, name: string): EncryptedFile | undefined {
  try {
    return parseEncryptedFile(text, name);
  } catch {
    return undefined;
  }
}
