import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { gitPath } from './git.js';

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

export function stateDir(root: string): string {
  return gitPath(root, 'envguard/state');
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
  writeFileAtomic(stateFile(dir, envFile), JSON.stringify(state), { mode: 0o600 });
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function stateFile(dir: string, envFile: string): string {
  return path.join(dir, `${envFile.replace(/[\\/]/g, '__')}.json`);
}
