import { forbiddenFileFinding } from '../../core/enforce/forbidden-file.js';
import { parseIgnoreFile, IGNORE_FILE, type IgnoreList } from '../../core/scan/allow-list.js';
import { COMMIT_MARKER, parseUnifiedDiff } from '../../core/scan/diff-parser.js';
import { createPathFilter } from '../../core/scan/path-filter.js';
import { createScanner } from '../../core/scan/scanner.js';
import type { Finding, KnownValue } from '../../core/scan/types.js';
import type { SensitivityPolicy } from '../../core/sensitivity.js';
import { fileAtCommit } from '../../io/git-range.js';
import type { Git } from '../../io/git.js';
import { streamGitLines } from '../../io/git-stream.js';
import { readBlobs } from '../../io/git-blobs.js';
import type { OpsContext } from '../context.js';

/**
 * Scans every commit a set of revisions selects (`git log <revs>`): the lines each commit adds,
 * with the secret scan, and every path it adds or changes, for files that may never be committed
 * (plaintext env files, key files). Shared by pre-push, pre-receive, `envguard ci` and
 * `scan --history`. The patch is streamed and scanned one file at a time, so memory follows the
 * largest single file change, never the size of the history.
 */

export interface CommitScanOptions {
  /** What `git log` walks: e.g. `[sha, '^base']`, `[sha, '--not', '--all']`, `['--all']`. */
  revisions: readonly string[];
  knownValues?: readonly KnownValue[];
  ignore?: IgnoreList;
  /** `.envguard.json` `scan.ignorePaths`; never hides a forbidden file. */
  ignorePaths?: readonly string[];
  /** `.envguard.json` `sensitiveNames` / `publicNames`: which known values count as secrets. */
  sensitivity?: SensitivityPolicy;
}

export interface CommitScanReport {
  findings: Finding[];
  /** Commits whose patches were read. */
  commits: number;
  /** File changes read across those commits. */
  filesScanned: number;
}

/** Git options that make patch output parseable whatever the user's config says (as ops/scan.ts). */
const LOG_FLAGS = ['-U0', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/', '--diff-filter=d', '--no-textconv', '--no-merges'];

const BLOB_BATCH = 64;

/** Runs in the context's repository (a bare git dir on a server) with the context's environment, as `ctx.git` does. */
export async function scanCommits(ctx: OpsContext, options: CommitScanOptions): Promise<CommitScanReport> {
  const knownValues = options.knownValues ?? [];
  const scanner = createScanner({ knownValues, ...(options.sensitivity ? { sensitivity: options.sensitivity } : {}), ...(options.ignore ? { ignore: options.ignore } : {}) });
  const filter = createPathFilter(options.ignorePaths ?? []);
  const report: CommitScanReport = { findings: [], commits: 0, filesScanned: 0 };
  let commit: string | undefined;
  let chunk: string[] = [];
  // Git shows no lines of a binary file: its blob at that commit is searched for known values, as bytes.
  const binaries: { commit: string; path: string }[] = [];

  const flush = () => {
    if (chunk.length === 0 || commit === undefined) return (chunk = []);
    const files = parseUnifiedDiff(`${COMMIT_MARKER}${commit}\n${chunk.join('\n')}`);
    chunk = [];
    for (const file of files) {
      report.filesScanned++;
      const forbidden = forbiddenFileFinding(file.path, commit);
      // A plaintext env file is refused as a whole; listing each of its values adds noise.
      if (forbidden) report.findings.push(forbidden);
      if (forbidden) continue;
      if (file.binary) {
        if (knownValues.length > 0) binaries.push({ commit, path: file.path });
        continue;
      }
      if (file.lines.length === 0) continue;
      const text = file.lines.map((added) => added.text).join('\n');
      // Known values are looked for in every path; provider and generic rules skip filtered ones (as scanStaged).
      report.findings.push(...scanner.scan({ file: file.path, text, lineNumbers: file.lines.map((added) => added.line), knownValuesOnly: !filter.accepts(file.path), commit }));
    }
    return undefined;
  };

  const args = ['-c', 'core.quotepath=off', 'log', '-p', ...LOG_FLAGS, `--format=${COMMIT_MARKER}%H`, ...options.revisions, '--'];
  await streamGitLines(args, { cwd: ctx.cwd, env: ctx.env }, (line) => {
    if (line.startsWith(COMMIT_MARKER)) {
      flush();
      commit = line.slice(COMMIT_MARKER.length).trim();
      report.commits++;
    } else if (line.startsWith('diff --git ')) {
      flush();
      chunk.push(line);
    } else if (chunk.length > 0) chunk.push(line);
  });
  flush();
  // In batches, so memory follows a batch of blobs rather than every binary file in the history.
  for (let at = 0; at < binaries.length; at += BLOB_BATCH) {
    const batch = binaries.slice(at, at + BLOB_BATCH);
    const blobs = readBlobs(ctx.git, ctx.cwd, batch.map((file) => `${file.commit}:${file.path}`));
    for (const file of batch) {
      const bytes = blobs.get(`${file.commit}:${file.path}`);
      if (bytes === undefined) continue;
      report.findings.push(...scanner.scan({ file: file.path, text: '', bytes, knownValuesOnly: true, commit: file.commit }));
    }
  }
  ctx.log.debug(`scanned ${report.filesScanned} file change(s) in ${report.commits} commit(s) with ${scanner.ruleCount} rules`);
  return report;
}

/** `.envguardignore` as the given commit has it: what is being pushed decides what it allows. */
export function ignoreListAt(git: Git, rev: string): IgnoreList {
  return parseIgnoreFile(fileAtCommit(git, rev, IGNORE_FILE) ?? '');
}
