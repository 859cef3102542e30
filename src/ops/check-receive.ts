import type { RefUpdate } from '../core/enforce/ref-updates.js';
import type { Finding } from '../core/scan/types.js';
import { failure } from '../errors.js';
import { notCommits } from '../io/git-range.js';
import type { OpsContext } from './context.js';
import { ENFORCE_MESSAGES } from './enforce-messages.js';
import { ignoreListAt, scanCommits } from './support/scan-commits.js';

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
  const incoming = updates.filter((update): update is RefUpdate & { newSha: string } => update.newSha !== undefined);
  if (incoming.length === 0) return { findings: [], commits: 0 };
  const missing = notCommits(ctx.git, incoming.map((update) => update.newSha));
  const first = incoming.find((update) => missing.includes(update.newSha));
  if (first) throw failure('NOT_FOUND', ENFORCE_MESSAGES.receivedNotACommit(first.ref, first.newSha));
  // One walk for every ref (branches and tags alike): what this push brings that no ref has yet.
  const tips = [...new Set(incoming.map((update) => update.newSha))];
  const report = await scanCommits(ctx, { revisions: [...tips, '--not', '--all'], ignore: ignoreListAt(ctx.git, tips[0] as string) });
  return { findings: report.findings, commits: report.commits };
}
