import type { Git } from '../io/git.js';
import { takePostCommitMarks } from '../io/post-commit-marker.js';
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
