import type { RefUpdate } from '../core/enforce/ref-updates.js';
import type { Finding } from '../core/scan/types.js';
import { loadConfig } from '../io/config.js';
import { commitExists } from '../io/git-range.js';
import type { OpsContext } from './context.js';
import { ignoreListAt, scanCommits } from './scan-commits.js';
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
 * The revisions a ref update sends: `<remote-sha>..<local-sha>`, or for a new branch (or a remote
 * sha this clone does not have, as after someone else's force-push) the commits no ref of that
 * remote has. A push to a URL with no remote name has no tracking refs: the branch's whole history.
 */
export function pushedRevisions(root: string, remote: string, update: RefUpdate): string[] | undefined {
  if (update.newSha === undefined) return undefined;
  if (update.oldSha !== undefined && commitExists(root, update.oldSha)) return [update.newSha, `^${update.oldSha}`, '--not', `--remotes=${remote}`];
  return [update.newSha, '--not', `--remotes=${remote}`];
}

export async function checkPush(ctx: OpsContext, remote: string, updates: readonly RefUpdate[]): Promise<PushCheckResult> {
  const root = ctx.cwd;
  const result: PushCheckResult = { findings: [], commits: 0, deletions: 0 };
  const work = updates.flatMap((update) => {
    const revisions = pushedRevisions(root, remote, update);
    if (!revisions) result.deletions++;
    return revisions ? [{ update, revisions }] : [];
  });
  if (work.length === 0) return result;
  const config = loadConfig(root);
  // This machine may hold the key: the project's values (and its keys and identities) are looked for too.
  const knownValues = config.scan.knownValues === false ? [] : projectKnownValues(ctx);
  const seen = new Set<string>();
  for (const { update, revisions } of work) {
    const report = await scanCommits(ctx, { root, revisions, knownValues, ignore: ignoreListAt(root, update.newSha as string), ignorePaths: config.scan.ignorePaths });
    result.commits += report.commits;
    for (const finding of report.findings) {
      // Two branches pushed together may share commits: report each finding once.
      const key = `${finding.commit}:${finding.file}:${finding.line}:${finding.column}:${finding.ruleId}`;
      if (!seen.has(key)) result.findings.push(finding);
      seen.add(key);
    }
  }
  return result;
}
