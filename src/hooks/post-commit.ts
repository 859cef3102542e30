import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Git } from '../io/git.js';
import type { RepoPaths } from '../io/repo-paths.js';
import { writeCacheFile } from '../io/sync-state.js';
import type { OpsContext } from '../ops/context.js';

/** Encrypted files pre-commit staged, for post-commit to check (one path a line). */
function markerFile(paths: RepoPaths): string {
  return path.join(paths.gitDir, 'envguard', 'staged-by-pre-commit');
}

/** Called by pre-commit when it staged encrypted files. */
export function markForPostCommit(paths: RepoPaths, files: readonly string[]): void {
  mkdirSync(path.dirname(markerFile(paths)), { recursive: true });
  writeCacheFile(markerFile(paths), `${files.join('\n')}\n`);
}

/**
 * post-commit: after `git commit <path>`, git commits from a temporary index and then updates
 * the real index with the named paths only, so an encrypted file the pre-commit hook staged in
 * the temporary index would look reverted in the real one. Bring the real index in line with
 * HEAD where the working tree agrees with HEAD. Only after a commit whose pre-commit staged
 * something, so an ordinary commit costs no git call here.
 */
export function postCommitHook(ctx: OpsContext, paths: RepoPaths): number {
  let files: string[];
  try {
    files = readFileSync(markerFile(paths), 'utf8').split('\n').filter(Boolean);
  } catch {
    return 0;
  }
  rmSync(markerFile(paths), { force: true });
  for (const file of files) {
    const head = blobId(ctx.git, `HEAD:${file}`);
    if (head === undefined || blobId(ctx.git, `:${file}`) === head) continue;
    const worktree = ctx.git.text(['hash-object', '--', file]);
    if (worktree === head) ctx.git.exec(['update-index', '--add', '--', file]);
  }
  return 0;
}

function blobId(git: Git, spec: string): string | undefined {
  const result = git.exec(['rev-parse', '-q', '--verify', spec], { okCodes: [1, 128] });
  return result.status === 0 ? result.stdout.toString('utf8').trim() : undefined;
}
