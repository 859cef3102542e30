import type { RefUpdate } from '../core/enforce/ref-updates.js';
import type { Finding } from '../core/scan/types.js';
import { notCommits } from '../io/git-range.js';
import type { Git } from '../io/git.js';
import type { OpsContext } from './context.js';
import { ignoreListAt, scanCommits } from './support/scan-commits.js';
import { projectKnownValues } from './scan.js';

/**
 * The pre-push check (DESIGN.md, Enforcement beyond the laptop): every commit the push sends, not
 * just the tip, is checked for plaintext env files, key and identity files and secrets. This
 * catches what pre-commit never saw: `git commit --no-verify`, `git rebase --continue` (which
 * runs no pre-commit), `ENVGUARD_SKIP=1`, a commit made on a machine without envguard.
 */

export interface PushCheckResult {
  findings: Finding[];
  commits: number;
  /** Ref updates that were deletions (nothing to check). */
  deletions: number;
}

/**
 * The revisions a push sends, in one walk for all its refs: each `<remote-sha>..<local-sha>`, and
 * for a new branch (or a remote sha this clone lacks, as after someone else's force-push) the
 * commits no ref of that remote has. A push to a URL with no remote name has no tracking refs:
 * the branches' whole history is read.
 */
export function pushedRevisions(git: Git, remote: string, updates: readonly RefUpdate[]): string[] | undefined {
  const tips = [...new Set(updates.flatMap((update) => (update.newSha === undefined ? [] : [update.newSha])))];
  if (tips.length === 0) return undefined;
  const olds = [...new Set(updates.flatMap((update) => (update.oldSha === undefined ? [] : [update.oldSha])))];
  const absent = new Set(notCommits(git, olds));
  return [...tips, ...olds.filter((sha) => !absent.has(sha)).map((sha) => `^${sha}`), '--not', `--remotes=${remote}`];
}

export async function checkPush(ctx: OpsContext, remote: string, updates: readonly RefUpdate[]): Promise<PushCheckResult> {
  const deletions = updates.filter((update) => update.newSha === undefined).length;
  const revisions = pushedRevisions(ctx.git, remote, updates);
  if (!revisions) return { findings: [], commits: 0, deletions };
  const config = ctx.config;
  // This machine may hold the key: the project's values (and its keys and identities) are looked for too.
  const knownValues = config.scan.knownValues === false ? [] : projectKnownValues(ctx);
  const tip = revisions[0] as string;
  const report = await scanCommits(ctx, { revisions, knownValues, ignore: ignoreListAt(ctx.git, tip), ignorePaths: config.scan.ignorePaths, sensitivity: { sensitiveNames: config.sensitiveNames, publicNames: config.publicNames } });
  return { findings: report.findings, commits: report.commits, deletions };
}
