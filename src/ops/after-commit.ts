import { encryptedPathFor } from '../core/env-files.js';
import type { Git } from '../io/git.js';
import { takePostCommitMarks } from '../io/post-commit-marker.js';
import { readPendingSyncStates, settlePendingSyncState, stateDirIn } from '../io/sync-state.js';
import type { OpsContext } from './context.js';

/**
 * post-commit: after `git commit <path>`, git commits from a temporary index and then updates
 * the real index with the named paths only, so an encrypted file the pre-commit hook staged in
 * the temporary index would look reverted in the real one. Bring the real index in line with
 * HEAD where the working tree agrees with HEAD. Only after a commit whose pre-commit staged
 * something, so an ordinary commit costs no git call here. Returns the files re-staged.
 */
export function alignIndexAfterCommit(ctx: OpsContext): string[] {
  const restaged: string[] = [];
  for (const file of takePostCommitMarks(ctx.repo)) {
    const head = blobId(ctx.git, `HEAD:${file}`);
    if (head === undefined || blobId(ctx.git, `:${file}`) === head) continue;
    const worktree = ctx.git.text(['hash-object', '--', file]);
    if (worktree !== head) continue;
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
 * post-commit: what pre-commit (or `set`, `edit`) staged becomes the sync state only now that a
 * commit holds it; a pending state HEAD does not hold (a commit of other files, with the env
 * change left out) is dropped, and the last committed state stands. Returns the env files settled
 * as committed. No git call unless something is pending.
 */
export function settleSyncAfterCommit(ctx: OpsContext): string[] {
  const dir = stateDirIn(ctx.repo.gitDir);
  const settled: string[] = [];
  for (const pending of readPendingSyncStates(dir)) {
    const head = ctx.git.exec(['cat-file', 'blob', `HEAD:${encryptedPathFor(pending.envFile)}`], { okCodes: [128] });
    const committed = head.status === 0 && head.stdout.toString('utf8') === pending.baseEncrypted;
    settlePendingSyncState(dir, pending, committed);
    if (committed) settled.push(pending.envFile);
  }
  return settled;
}
