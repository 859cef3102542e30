import type { ScanReport } from '../core/scan/types.js';
import { failure } from '../errors.js';
import { commitExists } from '../io/git-range.js';
import { withCwd, type OpsContext } from './context.js';
import { ignoreListAt, scanCommits } from './support/scan-commits.js';
import { projectKnownValues } from './scan.js';
import { ENFORCE_MESSAGES } from './enforce-messages.js';

/**
 * `envguard scan --history`: every commit reachable from HEAD (or from every ref with `all`),
 * for adopting envguard in an old repository. Each finding names its commit, file and line,
 * masked; plaintext env files and key files anywhere in history are findings too. The patch is
 * streamed (scan-commits.ts), so ten thousand commits cost ten times a thousand.
 */

export interface HistoryScanOptions {
  /** Only the commits after this one (`REV..HEAD`). */
  since?: string;
  /** Every ref (branches, tags, remotes), not just HEAD. */
  all?: boolean;
  useKnownValues?: boolean;
}

export async function scanHistory(ctx: OpsContext, options: HistoryScanOptions = {}): Promise<ScanReport & { commits: number }> {
  const root = ctx.repo.root;
  const at = withCwd(ctx, root);
  if (options.since !== undefined && !commitExists(at.git, options.since)) {
    throw failure('NOT_FOUND', ENFORCE_MESSAGES.noSuchSince(options.since));
  }
  const headExists = commitExists(at.git, 'HEAD');
  if (!headExists && !options.all) return { findings: [], filesScanned: 0, commits: 0 };
  const config = ctx.config;
  const useKnown = options.useKnownValues !== false && config.scan.knownValues !== false;
  const revisions = [options.all ? '--all' : 'HEAD', ...(options.since === undefined ? [] : [`^${options.since}`])];
  const report = await scanCommits(at, {
    revisions,
    knownValues: useKnown ? projectKnownValues(at) : [],
    ...(headExists ? { ignore: ignoreListAt(at.git, 'HEAD') } : {}),
    ignorePaths: config.scan.ignorePaths,
    sensitivity: { sensitiveNames: config.sensitiveNames, publicNames: config.publicNames },
  });
  return { findings: report.findings, filesScanned: report.filesScanned, commits: report.commits };
}
