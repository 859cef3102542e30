import path from 'node:path';
import { failure } from '../../errors.js';
import { fingerprint, shortKeyId, type FernetKey } from '../../core/key.js';
import { currentKeyEntry } from '../../core/ledger/index.js';
import { decryptForRotation } from '../../core/reencrypt-file.js';
import { missingKeyError, type ResolvedKey } from '../../io/key-store.js';
import { readVerifiedLedger } from '../../io/ledger-file.js';
import { sha256 } from '../../core/sha256.js';
import { listEncryptedFiles } from './environment-files.js';
import type { PlaintextCache } from './forward.js';
import { readWorkFile, type RotationRun } from './rotation-run.js';
import { ROTATION_MESSAGES as M } from './rotation-messages.js';

/** What a rotation starts from, established before anything changes. */
export interface RotationPlan {
  /** The ledger's current key, from wherever this machine has it. */
  oldKey: FernetKey;
  /** Key sources that take precedence over the key store (a variable, keyCommand) and will still supply the old key. */
  stale: string[];
  /** Repository-relative encrypted files of the environment. */
  files: string[];
  cache: PlaintextCache;
}

/** How many plaintext characters the pre-flight checks of one `rotate` keep for re-encryption, all environments together. */
export interface PlaintextBudget {
  characters: number;
}

/** 32 M characters: what a rotation keeps in memory is bounded by this plus one file. */
export const PLAINTEXT_BUDGET = 32 * 1024 * 1024;

/**
 * Checks that change nothing: the ledger verifies, this machine has its current key, every file
 * decrypts with it. What decrypted is kept (within `budget`) so it is not decrypted twice.
 */
export function preflight(run: RotationRun, budget: PlaintextBudget = { characters: PLAINTEXT_BUDGET }): RotationPlan {
  const ledger = readVerifiedLedger(run.ledgerFile);
  const { key: oldKey, stale } = currentKey(run, currentKeyEntry(ledger).newKeyFingerprint);
  const files = listEncryptedFiles(run.ctx.git, run.root, run.environment);
  const cache: PlaintextCache = new Map();
  for (const file of files) {
    const text = readWorkFile(path.join(run.root, file));
    const decrypted = decryptForRotation(text, file, oldKey);
    // Kept for the re-encryption up to a budget; past it a file is decrypted again then, so
    // memory stays bounded however many files there are.
    if (budget.characters >= decrypted.plaintext.length) {
      budget.characters -= decrypted.plaintext.length;
      cache.set(file, { sha: sha256(text), decrypted });
    }
  }
  return { oldKey, stale, files, cache };
}

/**
 * The ledger's current key from wherever this machine has it. A variable or keyCommand that
 * supplies it will still supply the old key after the rotation: the caller is told to update it.
 */
function currentKey(run: RotationRun, wanted: string): { key: FernetKey; stale: string[] } {
  const resolved: ResolvedKey | undefined = run.ctx.keys.current(run.environment);
  if (resolved && fingerprint(resolved.key) === wanted) return { key: resolved.key, stale: resolved.source === 'key store' ? [] : [resolved.source] };
  const stored = run.ctx.keys.byFingerprint(run.environment, wanted)?.key;
  if (stored) return { key: stored, stale: resolved && resolved.source !== 'key store' ? [resolved.source] : [] };
  if (!resolved) throw missingKeyError(run.environment);
  throw failure('KEY_MISMATCH', M.notCurrentKey(run.environment, shortKeyId(resolved.key), resolved.source, shortKeyId(wanted)));
}
