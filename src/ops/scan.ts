import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseIgnoreFile, IGNORE_FILE, type IgnoreList } from '../core/scan/allow-list.js';
import { isDefaultSkippedPath } from '../core/scan/default-skips.js';
import { COMMIT_MARKER, parseUnifiedDiff, type DiffFile } from '../core/scan/diff-parser.js';
import { createPathFilter } from '../core/scan/path-filter.js';
import { createScanner, type Scanner } from '../core/scan/scanner.js';
import type { Finding, KnownValue, ScanReport } from '../core/scan/types.js';
import { EnvguardError } from '../errors.js';
import { execGit, gitText, gitTopLevel } from '../io/git.js';
import { loadConfig } from '../io/config.js';
import { readOptionalText, readTextFile, walkFiles } from '../io/scan-files.js';
import type { OpsContext } from './context.js';
import { loadProjectEnvs } from './load-env.js';
import { keyKnownValues } from './key-known-values.js';

/**
 * The secret scan use cases: the staged change (what pre-commit runs), explicit paths, and the
 * commits since a revision. They return findings and never print or exit. The staged scan reads
 * only git's diff of the index, so its cost follows the size of the change, not of the repository.
 */

export interface ScanOptions {
  /**
   * The project's own values to look for. When omitted they are loaded from every env file envguard
   * can read in the project root (plaintext `.env*`, and `.env*.encrypted` with an available key).
   */
  knownValues?: readonly KnownValue[];
  /** False skips the known-value tier (`--no-known-values`, or `scan.knownValues: false` in `.envguard.json`). */
  useKnownValues?: boolean;
  /** Path globs to skip, relative to the repository root; default `.envguard.json` `scan.ignorePaths`. */
  ignorePaths?: readonly string[];
  /** The repository root, when the caller knows it (a hook): saves asking git. */
  root?: string;
  /** Take known values from a plaintext env file rather than decrypting its encrypted twin (see loadProjectEnvs). */
  preferPlaintext?: boolean;
}

interface ResolvedOptions {
  knownValues: readonly KnownValue[];
  ignorePaths: readonly string[];
}

/** Fills what the caller left out from `.envguard.json` and the project's env files. */
function resolveOptions(ctx: OpsContext, root: string, options: ScanOptions): ResolvedOptions {
  const config = options.ignorePaths === undefined || options.knownValues === undefined ? loadConfig(root) : undefined;
  const ignorePaths = options.ignorePaths ?? config?.scan.ignorePaths ?? [];
  if (options.useKnownValues === false || (options.knownValues === undefined && config?.scan.knownValues === false)) {
    return { knownValues: [], ignorePaths };
  }
  return { knownValues: options.knownValues ?? projectKnownValues({ ...ctx, cwd: root }, { preferPlaintext: options.preferPlaintext }), ignorePaths };
}

/**
 * Every value of every env file envguard can read, named after the plaintext file it belongs in
 * (`DB_PASSWORD from .env`, whether it was read from `.env` or decrypted from `.env.encrypted`).
 */
export function projectKnownValues(ctx: OpsContext, options: { preferPlaintext?: boolean } = {}): KnownValue[] {
  const values: KnownValue[] = [];
  for (const env of loadProjectEnvs(ctx, { includePlaintext: true, preferPlaintext: options.preferPlaintext })) {
    const file = env.file.replace(/\.encrypted$/, '');
    for (const entry of env.entries) values.push({ name: entry.name, file, value: entry.value });
  }
  values.push(...keyKnownValues(ctx));
  ctx.log.debug(`looking for ${values.length} known value(s)`);
  return values;
}

/** Git options that make patch output parseable whatever the user's config says. */
const DIFF_FLAGS = ['-U0', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/', '--diff-filter=d', '--no-textconv'];

/** Scans the lines added by the staged change (`git diff --cached`), new files included. */
export async function scanStaged(ctx: OpsContext, options: ScanOptions = {}): Promise<ScanReport> {
  const root = options.root ?? gitTopLevel(ctx.cwd);
  const diff = execGit(['-c', 'core.quotepath=off', 'diff', '--cached', ...DIFF_FLAGS], { cwd: root }).stdout.toString('utf8');
  const files = parseUnifiedDiff(diff);
  if (files.length === 0) return { findings: [], filesScanned: 0 };
  const resolved = resolveOptions(ctx, root, options);
  const ignoreStaged = files.some((file) => file.path === IGNORE_FILE);
  const scanner = createScanner({ knownValues: resolved.knownValues, ignore: loadIgnoreList(root, { staged: true, ignoreStaged }) });
  return scanDiff(scanner, files, resolved.ignorePaths, ctx);
}

/** Scans the lines added by every commit in `rev..HEAD` (merges excluded: their changes are in the merged commits). */
export async function scanSince(ctx: OpsContext, rev: string, options: ScanOptions = {}): Promise<ScanReport> {
  const root = gitTopLevel(ctx.cwd);
  const verified = execGit(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd: root, okCodes: [1, 128] });
  if (verified.status !== 0) {
    throw new EnvguardError('NOT_FOUND', `--since ${rev}: no such commit`, { hint: 'pass a commit, branch or tag, e.g. `envguard scan --since origin/main`' });
  }
  const log = execGit(['-c', 'core.quotepath=off', 'log', '-p', '--no-merges', ...DIFF_FLAGS, `--format=${COMMIT_MARKER}%H`, `${rev}..HEAD`], { cwd: root });
  const resolved = resolveOptions(ctx, root, options);
  const scanner = createScanner({ knownValues: resolved.knownValues, ignore: loadIgnoreList(root, { staged: false }) });
  return scanDiff(scanner, parseUnifiedDiff(log.stdout.toString('utf8')), resolved.ignorePaths, ctx);
}

/**
 * Scans files and directories. A path named explicitly is always read; inside a directory the
 * default skips (`node_modules`, lockfiles, binaries) and `ignorePaths` apply.
 */
export async function scanPaths(ctx: OpsContext, paths: readonly string[], options: ScanOptions = {}): Promise<ScanReport> {
  const root = repositoryRoot(ctx.cwd);
  const resolved = resolveOptions(ctx, root, options);
  const scanner = createScanner({ knownValues: resolved.knownValues, ignore: loadIgnoreList(root, { staged: false }) });
  const ignored = createPathFilter(resolved.ignorePaths, { defaultSkips: false });
  const findings: Finding[] = [];
  let filesScanned = 0;
  for (const given of paths) {
    const base = path.resolve(ctx.cwd, given);
    const files = walkFiles(base, (relative) => !isDefaultSkippedPath(relative));
    for (const relative of files) {
      const absolute = relative === '' ? base : path.join(base, relative);
      const fromRoot = toPosix(path.relative(root, absolute));
      if (relative !== '' && (isDefaultSkippedPath(relative) || !ignored.accepts(fromRoot))) continue;
      const text = readTextFile(absolute);
      if (text === undefined) continue;
      filesScanned++;
      findings.push(...scanner.scan({ file: toPosix(path.relative(ctx.cwd, absolute)) || path.basename(absolute), text }));
    }
  }
  ctx.log.debug(`scanned ${filesScanned} file(s) with ${scanner.ruleCount} rules`);
  return { findings, filesScanned };
}

function scanDiff(scanner: Scanner, files: readonly DiffFile[], ignorePaths: readonly string[], ctx: OpsContext): ScanReport {
  const filter = createPathFilter(ignorePaths);
  const findings: Finding[] = [];
  let filesScanned = 0;
  for (const file of files) {
    if (file.binary || file.lines.length === 0 || !filter.accepts(file.path)) continue;
    filesScanned++;
    findings.push(
      ...scanner.scan({
        file: file.path,
        text: file.lines.map((added) => added.text).join('\n'),
        lineNumbers: file.lines.map((added) => added.line),
        ...(file.commit === undefined ? {} : { commit: file.commit }),
      }),
    );
  }
  ctx.log.debug(`scanned added lines of ${filesScanned} file(s) with ${scanner.ruleCount} rules`);
  return { findings, filesScanned };
}

/**
 * `.envguardignore` from the repository root. For the staged scan the staged version wins (what
 * is being committed is what counts), falling back to the working tree for an untracked one.
 */
function loadIgnoreList(root: string, { staged, ignoreStaged = false }: { staged: boolean; ignoreStaged?: boolean }): IgnoreList {
  const file = path.join(root, IGNORE_FILE);
  let text: string | undefined;
  // Ask git for the staged copy only when there can be one: most projects have no such file, and
  // the spawn is a noticeable part of every commit.
  if (staged && (ignoreStaged || existsSync(file))) {
    const shown = execGit(['show', `:${IGNORE_FILE}`], { cwd: root, okCodes: [128] });
    if (shown.status === 0) text = shown.stdout.toString('utf8');
  }
  text ??= readOptionalText(file);
  return parseIgnoreFile(text ?? '');
}

/** The repository root when inside one, else the directory itself (path scans work anywhere). */
function repositoryRoot(cwd: string): string {
  try {
    return gitText(['rev-parse', '--show-toplevel'], { cwd });
  } catch {
    return cwd;
  }
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
