import { commitAllowsEmpty } from '../io/commit-command-line.js';
import { indexFileOf, type RepoPaths } from '../io/repo-paths.js';
import type { StagedChange } from '../io/staged-change.js';
import { stateDirIn } from '../io/sync-state.js';
import type { OpsContext } from '../ops/context.js';
import { preCommit } from '../ops/pre-commit/pre-commit.js';
import type { Problem } from '../problem.js';
import { markForPostCommit } from '../io/post-commit-marker.js';
import { HOOK_MESSAGES } from './messages.js';
import { printProblems, type HookIO } from './report.js';
import { reportRotationPolicy } from './rotation-policy-report.js';

/**
 * A further check on what the commit will contain, run after the env files are encrypted and
 * staged: it gets every path the commit changes and the staged change itself (the hook's own
 * staging included, patch and all; undefined if none was read, then a check reads its own) and returns refusals and warnings. This is where the secret
 * scan (`scanStaged`) plugs in: add it to the list the hook entry passes (the pre-commit case in
 * dispatch.ts).
 */
export type StagedCheck = (ctx: OpsContext, paths: readonly string[], change: StagedChange | undefined) => StagedCheckResult | Promise<StagedCheckResult>;

export interface StagedCheckResult {
  refusals: Problem[];
  warnings: string[];
}

/** pre-commit: encrypt and stage changed env files; refuse plaintext secrets in the staged change. */
export async function preCommitHook(ctx: OpsContext, io: HookIO, paths: RepoPaths, checks: readonly StagedCheck[] = []): Promise<number> {
  // Checked first: under "overdue": "block" nothing is encrypted or staged for a refused commit.
  if (reportRotationPolicy(ctx, io) === 1) return 1;
  // git names the index it is committing (a temporary one under `-a` or `git commit <path>`).
  let change: StagedChange | undefined;
  const result = preCommit(ctx, stateDirIn(paths.gitDir), { indexFile: indexFileOf(paths, ctx.cwd, ctx.env), allowsEmpty: () => commitAllowsEmpty(), onStagedChange: (staged) => (change = staged) });
  if (result.staged.length > 0) markForPostCommit(paths, result.staged);
  for (const check of checks) {
    const extra = await check(ctx, result.paths, change);
    result.refusals.push(...extra.refusals);
    result.warnings.push(...extra.warnings);
  }
  for (const file of result.staged) io.say(HOOK_MESSAGES.encryptedAndStaged(file));
  for (const warning of result.warnings) io.warn(warning);
  if (result.refusals.length === 0) return 0;
  printProblems(io, result.refusals);
  io.error(HOOK_MESSAGES.commitRefused(result.refusals.length));
  return 1;
}
