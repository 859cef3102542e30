import path from 'node:path';
import { parseDotenv } from '../../core/dotenv/parse.js';
import { serializeDotenv } from '../../core/dotenv/serialize.js';
import { incomingPathFor } from '../../core/env-files.js';
import { mergeEnvDocuments } from '../../core/merge-env.js';
import { EnvguardError, isEnvguardError } from '../../errors.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { writeSyncState } from '../../io/sync-state.js';
import type { OpsContext } from '../context.js';

export type MergeWithBase =
  /** No variable changed on both sides: the merged `.env` text (the local text itself when nothing came in). */
  | { kind: 'merged'; text: string; keptLocal: string[] }
  | { kind: 'conflict'; conflicts: string[] }
  /** One side does not parse as a `.env`, so there is nothing to merge per variable. */
  | { kind: 'unmergeable'; error: EnvguardError };

/**
 * The three-way merge per variable of what envguard last synced (the base), the developer's
 * `.env` and an incoming version (from git), shared by the checkout hooks and pre-commit.
 */
export function mergeWithBase(base: string, local: string, incoming: string, names: { envFile: string; incomingName: string }): MergeWithBase {
  if (incoming === base) return { kind: 'merged', text: local, keptLocal: [] };
  try {
    const merge = mergeEnvDocuments(parseDotenv(base, names.envFile), parseDotenv(local, names.envFile), parseDotenv(incoming, names.incomingName));
    if (merge.conflicts.length > 0) return { kind: 'conflict', conflicts: merge.conflicts };
    return { kind: 'merged', text: serializeDotenv(merge.doc), keptLocal: merge.keptLocal };
  } catch (error) {
    if (!isEnvguardError(error, 'PARSE_ERROR')) throw error;
    return { kind: 'unmergeable', error };
  }
}

/**
 * Keeps the developer's `.env` and writes the incoming plaintext beside it (`.env.incoming`,
 * git-ignored, 0600). From here on the incoming version is the base: what still differs in
 * `.env` is the developer's. Returns the incoming file's name.
 */
export function keepIncomingBeside(ctx: OpsContext, stateDirectory: string, envFile: string, incoming: string, incomingEncrypted: string): string {
  const incomingFile = incomingPathFor(envFile);
  writeFileAtomic(path.join(ctx.cwd, incomingFile), incoming, { mode: 0o600 });
  writeSyncState(stateDirectory, envFile, incoming, incomingEncrypted);
  return incomingFile;
}
