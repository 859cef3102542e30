import { readdirSync } from 'node:fs';
import { isEncryptedEnvFile } from '../core/env-files.js';
import { execGit, gitText } from '../io/git.js';
import type { OpsContext } from '../ops/context.js';

/**
 * post-commit: after `git commit <path>`, git commits from a temporary index and then updates
 * the real index with the named paths only, so an encrypted file the pre-commit hook staged in
 * the temporary index would look reverted in the real one. Bring the real index in line with
 * HEAD where the working tree agrees with HEAD.
 */
export function postCommitHook(ctx: OpsContext): number {
  const files = readdirSync(ctx.cwd).filter(isEncryptedEnvFile);
  for (const file of files) {
    const head = blobId(ctx.cwd, `HEAD:${file}`);
    if (head === undefined || blobId(ctx.cwd, `:${file}`) === head) continue;
    const worktree = gitText(['hash-object', '--', file], { cwd: ctx.cwd });
    if (worktree === head) execGit(['add', '--', file], { cwd: ctx.cwd });
  }
  return 0;
}

function blobId(cwd: string, spec: string): string | undefined {
  const result = execGit(['rev-parse', '-q', '--verify', spec], { cwd, okCodes: [1, 128] });
  return result.status === 0 ? result.stdout.toString('utf8').trim() : undefined;
}
