import type { RefUpdate } from '../core/enforce/ref-updates.js';
import type { Finding } from '../core/scan/types.js';
import { EnvguardError } from '../errors.js';
import { commitExists } from '../io/git-range.js';
import type { OpsContext } from './context.js';
import { ignoreListAt, scanCommits } from './scan-commits.js';

/**
 * The server-side check for self-hosted git (Gitea, GitLab self-managed, `git daemon`, plain
 * ssh): the commits a push brings in, checked for plaintext env files, key files and secrets,
 * with no key and no working tree. Only incoming commits are read: inside pre-receive git has
 * not moved any ref yet, so `<new> --not --all` is exactly what this push adds, and a new
 * branch cut from a long, already-received history costs what its new commits cost.
 * (git-receive-pack(1), "quarantine environment": the new objects are readable, refs unchanged.)
 */

export interface ReceiveCheckResult {
  findings: Finding[];
  commits: number;
}

export async function checkReceive(ctx: OpsContext, updates: readonly RefUpdate[]): Promise<ReceiveCheckResult> {
  const result: ReceiveCheckResult = { findings: [], commits: 0 };
  const seen = new Set<string>();
  for (const update of updates) {
    if (update.newSha === undefined) continue;
    if (!commitExists(ctx.cwd, update.newSha)) {
      throw new EnvguardError('NOT_FOUND', `pre-receive: ${update.ref} points to ${update.newSha.slice(0, 12)}, which is not a commit in this repository`, {
        hint: 'push again (the pack did not arrive complete); an annotated tag or a non-commit object cannot be checked',
      });
    }
    // Tags and branches alike: whatever the ref, its commits must be clean.
    const revisions = [update.newSha, '--not', '--all'];
    const report = await scanCommits(ctx, { root: ctx.cwd, revisions, ignore: ignoreListAt(ctx.cwd, update.newSha) });
    result.commits += report.commits;
    for (const finding of report.findings) {
      const key = `${finding.commit}:${finding.file}:${finding.line}:${finding.column}:${finding.ruleId}`;
      if (!seen.has(key)) result.findings.push(finding);
      seen.add(key);
    }
  }
  return result;
}
