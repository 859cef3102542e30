import { encryptedPathFor } from '../core/env-files.js';
import type { Git } from '../io/git.js';
import { gitBlobId, indexBlobId } from '../io/index-blob.js';
import { takePostCommitMarks } from '../io/post-commit-marker.js';
import { indexFileOf } from '../io/repo-paths.js';
import { readBlobs } from '../io/git-blobs.js';
import { readPendingSyncStates, settlePendingSyncState, stateDirIn, type PendingSyncState } from '../io/sync-state.js';
import type { OpsContext } from './context.js';

export interface AfterCommitResult {
  /** Encrypted files put back in the real index (see `alignIndex`). */
  restaged: string[];
  /** Env files whose pending sync state the commit holds, now their synced state. */
  settled: string[];
}

/**
 * post-commit. Only after a commit whose pre-commit (or `set`, `edit`) left something behind, so
 * an ordinary commit costs no git call here; otherwise one `git cat-file --batch` reads what HEAD
 * holds of every file either step asks about, and the index is read directly. Never fails: the
 * commit already happened.
 */
export function afterCommit(ctx: OpsContext): AfterCommitResult {
  const marked = takePostCommitMarks(ctx.repo);
  const stateDir = stateDirIn(ctx.repo.gitDir);
  const pending = readPendingSyncStates(stateDir);
  if (marked.length === 0 && pending.length === 0) return { restaged: [], settled: [] };
  const files = [...new Set([...marked, ...pending.map((state) => encryptedPathFor(state.envFile))])];
  const blobs = readBlobs(ctx.git, ctx.repo.root, files.map((file) => `HEAD:${file}`));
  const atHead = (file: string) => blobs.get(`HEAD:${file}`);
  return { restaged: alignIndex(ctx, marked, atHead), settled: settleSync(stateDir, pending, atHead) };
}

/**
 * After `git commit <path>`, git commits from a temporary index and then updates the real index
 * with the named paths only, so an encrypted file the pre-commit hook staged in the temporary
 * index would look reverted in the real one. Bring the real index in line with HEAD where the
 * working tree agrees with HEAD.
 */
function alignIndex(ctx: OpsContext, marked: readonly string[], atHead: (file: string) => Buffer | undefined): string[] {
  const restaged: string[] = [];
  const indexFile = indexFileOf(ctx.repo, ctx.cwd, ctx.env);
  for (const file of marked) {
    const committed = atHead(file);
    if (committed === undefined) continue;
    // The usual case, told from the index file itself: the index already holds what HEAD does.
    if (indexBlobId(indexFile, file) === gitBlobId(committed.toString('utf8'))) continue;
    // Otherwise git tells (a partial commit, or an index this reader cannot read).
    const head = blobId(ctx.git, `HEAD:${file}`);
    if (head === undefined || blobId(ctx.git, `:${file}`) === head) continue;
    if (ctx.git.text(['hash-object', '--', file]) !== head) continue;
    ctx.git.exec(['update-index', '--add', '--', file]);
    restaged.push(file);
  }
  return restaged;
}

function blobId(git: Git, spec: string): string | undefined {
  const result = git.exec(['rev-parse', '-q', '--verify', spec], { okCodes: [1, 128] });
  return result.status === 0 ? result.stdout.toString('utf8').trim() : undefined;
}

/**
 * What pre-commit (or `set`, `edit`) staged becomes the sync state only now that a commit holds
 * it; a pending state HEAD does not hold (a commit of other files, with the env change left out)
 * is dropped, and the last committed state stands.
 */
function settleSync(stateDir: string, pending: readonly PendingSyncState[], atHead: (file: string) => Buffer | undefined): string[] {
  const settled: string[] = [];
  for (const state of pending) {
    const committed = atHead(encryptedPathFor(state.envFile))?.toString('utf8') === state.baseEncrypted;
    settlePendingSyncState(stateDir, state, committed);
    if (committed) settled.push(state.envFile);
  }
  return settled;
}
