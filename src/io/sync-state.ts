import { sha256 } from '../core/sha256.js';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What envguard last wrote to (or read from) each plaintext env file in this worktree, kept
 * under the git dir (`git rev-parse --git-path envguard/state`, per worktree). The base is kept
 * as ciphertext, never plaintext: it is decrypted only when a three-way merge needs it.
 */
export interface SyncState {
  /** sha256 of the `.env` text envguard last wrote or encrypted. */
  plaintextSha256: string;
  /** The encrypted file text that plaintext came from (the merge base for local edits). */
  baseEncrypted: string;
}

/** The per-worktree state directory under a git dir (`git rev-parse --git-path envguard/state`). */
export function stateDirIn(gitDir: string): string {
  return path.join(gitDir, 'envguard', 'state');
}

export function readSyncState(dir: string, envFile: string): SyncState | undefined {
  try {
    const data = JSON.parse(readFileSync(stateFile(dir, envFile), 'utf8')) as Partial<SyncState>;
    if (typeof data.plaintextSha256 === 'string' && typeof data.baseEncrypted === 'string') return data as SyncState;
  } catch {
    // no state yet, or a damaged one: behave as on a fresh clone (never overwrite local edits)
  }
  return undefined;
}

export function writeSyncState(dir: string, envFile: string, plaintext: string, baseEncrypted: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const state: SyncState = { plaintextSha256: sha256(plaintext), baseEncrypted };
  writeCacheFile(stateFile(dir, envFile), JSON.stringify(state));
}

/** A sync state not yet in any commit (what pre-commit, `set` or `edit` staged), and its env file. */
export interface PendingSyncState extends SyncState {
  envFile: string;
}

const PENDING = '.pending.json';

/**
 * Records what was staged for a commit that may never happen (refused, aborted, `git reset`):
 * it becomes the sync state only once post-commit sees it in HEAD (`promotePendingSyncState`).
 * Until then the last committed state stands, so a later checkout treats `.env` as holding
 * local edits and never overwrites content that is in no commit.
 */
export function writePendingSyncState(dir: string, envFile: string, plaintext: string, baseEncrypted: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const state: PendingSyncState = { envFile, plaintextSha256: sha256(plaintext), baseEncrypted };
  writeCacheFile(stateFile(dir, envFile).replace(/\.json$/, PENDING), JSON.stringify(state));
}

export function readPendingSyncState(dir: string, envFile: string): PendingSyncState | undefined {
  return readPending(stateFile(dir, envFile).replace(/\.json$/, PENDING));
}

/** Every pending state in the directory (one readdir when there is none). */
export function readPendingSyncStates(dir: string): PendingSyncState[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(PENDING));
  } catch {
    return [];
  }
  return names.flatMap((name) => readPending(path.join(dir, name)) ?? []);
}

/** The pending state becomes the sync state when `committed`; either way it is no longer pending. */
export function settlePendingSyncState(dir: string, pending: PendingSyncState, committed: boolean): void {
  if (committed) writeCacheFile(stateFile(dir, pending.envFile), JSON.stringify({ plaintextSha256: pending.plaintextSha256, baseEncrypted: pending.baseEncrypted }));
  rmSync(stateFile(dir, pending.envFile).replace(/\.json$/, PENDING), { force: true });
}

function readPending(file: string): PendingSyncState | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<PendingSyncState>;
    if (typeof data.envFile === 'string' && typeof data.plaintextSha256 === 'string' && typeof data.baseEncrypted === 'string') return data as PendingSyncState;
  } catch {
    // none, or damaged: nothing pending
  }
  return undefined;
}

/**
 * A cache file: written in place, without a temp file, rename or fsync (each measured a few
 * milliseconds of every commit). A crash can leave it truncated; readers treat a damaged file as
 * missing, which only makes the next hook as careful as in a fresh clone.
 */
export function writeCacheFile(file: string, text: string): void {
  writeFileSync(file, text, { mode: 0o600 });
}

/**
 * A file git will read (the encrypted file pre-commit stages): atomic (temp file and rename), so
 * nothing ever sees half of it, but not fsync'ed: it is derived from `.env`, and `git add`
 * copies it into git's object store right away.
 */
export function writeDerivedFile(file: string, text: string, mode = 0o644): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode });
  renameSync(temp, file);
}

function stateFile(dir: string, envFile: string): string {
  return path.join(dir, `${envFile.replace(/[\\/]/g, '__')}.json`);
}
