import path from 'node:path';
import { DEFAULT_SALT, IGNORE_FILE, parseIgnoreFile, UPGRADE_COMMAND, upgradeIgnoreText, type ParsedIgnoreFile } from '../core/scan/allow-list.js';
import { isDefaultSkippedPath } from '../core/scan/default-skips.js';
import { COMMIT_MARKER, parseUnifiedDiff, PATCH_FLAGS, type DiffFile } from '../core/scan/diff-parser.js';
import { createPathFilter } from '../core/scan/path-filter.js';
import { SMALL_INPUT } from '../core/scan/keyword-search.js';
import { createScanner, type Scanner } from '../core/scan/scanner.js';
import type { Finding, KnownValue, ScanReport } from '../core/scan/types.js';
import type { SensitivityPolicy } from '../core/sensitivity.js';
import { failure } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { pathExists } from '../io/read-file.js';
import { readProjectId } from '../io/project.js';
import { readBlobs } from '../io/git-blobs.js';
import { readStagedChange, type StagedChange } from '../io/staged-change.js';
import { envFileFolders, readOptionalText, readScanFile, walkFiles } from '../io/scan-files.js';
import { withCwd, type OpsContext } from './context.js';
import { ENV_OP_MESSAGES as M } from './env-messages.js';
import { ENFORCE_MESSAGES } from './enforce-messages.js';
import { loadProjectEnvs } from './support/load-env.js';
import { keyKnownValues } from './support/key-known-values.js';

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
  /** Which values are secrets; default `.envguard.json` `sensitiveNames` and `publicNames`. */
  sensitivity?: SensitivityPolicy;
  /** The staged change, when the caller has just read it (pre-commit, after its own staging): saves the diff. */
  change?: StagedChange;
}

interface ResolvedOptions {
  knownValues: readonly KnownValue[];
  ignorePaths: readonly string[];
  sensitivity: SensitivityPolicy;
}

/** Fills what the caller left out from `.envguard.json` and the project's env files. */
function resolveOptions(ctx: OpsContext, root: string, options: ScanOptions): ResolvedOptions {
  const config = options.ignorePaths === undefined || options.knownValues === undefined || options.sensitivity === undefined ? ctx.config : undefined;
  const ignorePaths = options.ignorePaths ?? config?.scan.ignorePaths ?? [];
  const sensitivity = options.sensitivity ?? { sensitiveNames: config?.sensitiveNames ?? [], publicNames: config?.publicNames ?? [] };
  if (options.useKnownValues === false || (options.knownValues === undefined && config?.scan.knownValues === false)) {
    return { knownValues: [], ignorePaths, sensitivity };
  }
  const knownValues = options.knownValues ?? projectKnownValues(withCwd(ctx, root), { preferPlaintext: options.preferPlaintext });
  return { knownValues, ignorePaths, sensitivity };
}

/**
 * Every value of every env file envguard can read, in the root and in subfolders
 * (`services/api/.env`), named after the plaintext file it belongs in (`DB_PASSWORD from .env`,
 * whether it was read from `.env` or decrypted from `.env.encrypted`). Which of them are secrets
 * the scanner decides (see core/sensitivity.ts).
 */
export function projectKnownValues(ctx: OpsContext, options: { preferPlaintext?: boolean } = {}): KnownValue[] {
  const values: KnownValue[] = [];
  for (const folder of ['', ...subfolderEnvs(ctx)]) {
    const at = folder === '' ? ctx : withCwd(ctx, path.join(ctx.cwd, folder));
    for (const env of loadProjectEnvs(at, { includePlaintext: true, preferPlaintext: options.preferPlaintext })) {
      const file = `${folder === '' ? '' : `${folder}/`}${env.file.replace(/\.encrypted$/, '')}`;
      for (const entry of env.entries) values.push({ name: entry.name, file, value: entry.value });
    }
  }
  values.push(...keyKnownValues(ctx));
  ctx.log.debug(`looking for ${values.length} known value(s)`);
  return values;
}

/** Subfolders with env files, or none outside a git repository (a path scan of a plain folder). */
function subfolderEnvs(ctx: OpsContext): string[] {
  try {
    return envFileFolders(ctx.git, ctx.cwd);
  } catch {
    return [];
  }
}

/** Scans the lines added by the staged change (`git diff --cached`), new files included. */
export async function scanStaged(ctx: OpsContext, options: ScanOptions = {}): Promise<ScanReport> {
  const root = options.root ?? ctx.repo.root;
  const diff = (options.change ?? readStagedChange(ctx.git, root)).patch;
  const files = parseUnifiedDiff(diff);
  if (files.length === 0) return { findings: [], filesScanned: 0 };
  const resolved = resolveOptions(ctx, root, options);
  const ignoreStaged = files.some((file) => file.path === IGNORE_FILE);
  // A commit's added lines are usually a few kilobytes: then building the automata in full costs more than the search.
  const smallInput = diff.length <= SMALL_INPUT && !files.some((file) => file.binary);
  const scanner = createScanner({ knownValues: resolved.knownValues, sensitivity: resolved.sensitivity, ignore: loadIgnoreList(ctx, root, { staged: true, ignoreStaged }), fingerprintSalt: projectSalt(root), smallInput });
  // Git shows no lines of a binary file (NUL bytes, `-diff`): its staged blob is searched as bytes.
  const blobs = resolved.knownValues.length === 0 ? new Map<string, Buffer>() : readBlobs(ctx.git, root, files.filter((file) => file.binary).map((file) => `:${file.path}`));
  return scanDiff(scanner, files, resolved.ignorePaths, ctx, (file) => blobs.get(`:${file.path}`));
}

/** Scans the lines added by every commit in `rev..HEAD` (merges excluded: their changes are in the merged commits). */
export async function scanSince(ctx: OpsContext, rev: string, options: ScanOptions = {}): Promise<ScanReport> {
  const root = ctx.repo.root;
  const verified = ctx.git.exec(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd: root, okCodes: [1, 128] });
  if (verified.status !== 0) {
    throw failure('NOT_FOUND', M.noSuchSince(rev));
  }
  const log = ctx.git.exec(['-c', 'core.quotepath=off', 'log', '-p', '--no-merges', ...PATCH_FLAGS, `--format=${COMMIT_MARKER}%H`, `${rev}..HEAD`], { cwd: root });
  const resolved = resolveOptions(ctx, root, options);
  const scanner = createScanner({ knownValues: resolved.knownValues, sensitivity: resolved.sensitivity, ignore: loadIgnoreList(ctx, root, { staged: false }), fingerprintSalt: projectSalt(root) });
  const files = parseUnifiedDiff(log.stdout.toString('utf8'));
  const name = (file: DiffFile) => `${file.commit ?? 'HEAD'}:${file.path}`;
  const blobs = resolved.knownValues.length === 0 ? new Map<string, Buffer>() : readBlobs(ctx.git, root, files.filter((file) => file.binary).map(name));
  return scanDiff(scanner, files, resolved.ignorePaths, ctx, (file) => blobs.get(name(file)));
}

/**
 * Scans files and directories. A path named explicitly is always read; inside a directory the
 * default skips (`node_modules`, lockfiles, binaries) and `ignorePaths` apply.
 */
export async function scanPaths(ctx: OpsContext, paths: readonly string[], options: ScanOptions = {}, ignore?: ParsedIgnoreFile): Promise<ScanReport> {
  const root = repositoryRoot(ctx);
  const resolved = resolveOptions(ctx, root, options);
  const scanner = createScanner({ knownValues: resolved.knownValues, sensitivity: resolved.sensitivity, ignore: ignore ?? loadIgnoreList(ctx, root, { staged: false }), fingerprintSalt: projectSalt(root) });
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
      const read = readScanFile(absolute);
      if (read === undefined) continue;
      filesScanned++;
      const file = toPosix(path.relative(ctx.cwd, absolute)) || path.basename(absolute);
      // A binary file is still searched for known values, as bytes.
      findings.push(...scanner.scan({ file, text: read.text ?? '', bytes: read.bytes, knownValuesOnly: read.text === undefined }));
    }
  }
  ctx.log.debug(`scanned ${filesScanned} file(s) with ${scanner.ruleCount} rules`);
  return { findings, filesScanned };
}

/**
 * Known values are looked for in every file, whatever its type or path; provider and generic
 * rules skip binaries, lockfiles, vendored paths and `ignorePaths`. A binary file is read whole
 * (`blobOf`): git shows none of its lines, so which bytes are new cannot be told.
 */
function scanDiff(scanner: Scanner, files: readonly DiffFile[], ignorePaths: readonly string[], ctx: OpsContext, blobOf: (file: DiffFile) => Buffer | undefined): ScanReport {
  const filter = createPathFilter(ignorePaths);
  const findings: Finding[] = [];
  let filesScanned = 0;
  for (const file of files) {
    const commit = file.commit === undefined ? {} : { commit: file.commit };
    if (file.binary) {
      const bytes = blobOf(file);
      if (bytes === undefined) continue;
      filesScanned++;
      findings.push(...scanner.scan({ file: file.path, text: '', bytes, knownValuesOnly: true, ...commit }));
      continue;
    }
    if (file.lines.length === 0) continue;
    filesScanned++;
    findings.push(
      ...scanner.scan({
        file: file.path,
        text: file.lines.map((added) => added.text).join('\n'),
        lineNumbers: file.lines.map((added) => added.line),
        knownValuesOnly: !filter.accepts(file.path),
        ...commit,
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
/**
 * The salt that keys finding fingerprints: the ledger's project id, committed and needing no
 * key, so a keyless CI scan computes the same fingerprints as a developer's hook.
 */
function projectSalt(root: string): string {
  return readProjectId(root) ?? DEFAULT_SALT;
}

export interface IgnoreUpgrade {
  /** Bare sha256 entries rewritten in the keyed form. */
  upgraded: number;
  /** Bare entries left as they were: their secret is no longer in the working tree. */
  remaining: number;
}

/**
 * `envguard scan --upgrade-ignore`: a bare sha256 entry cannot be converted without its secret,
 * so the working tree is scanned with the old entries and each one that still matches a finding
 * is rewritten with that finding's keyed fingerprint (atomically; comments and order kept).
 */
export async function upgradeIgnoreFile(ctx: OpsContext): Promise<IgnoreUpgrade> {
  const root = repositoryRoot(ctx);
  const file = path.join(root, IGNORE_FILE);
  const text = readOptionalText(file);
  if (text === undefined) return { upgraded: 0, remaining: 0 };
  const ignore = parseIgnoreFile(text);
  if (ignore.legacyEntries === 0) return { upgraded: 0, remaining: 0 };
  await scanPaths(withCwd(ctx, root), [root], { useKnownValues: true }, ignore);
  const result = upgradeIgnoreText(text, ignore.upgrades);
  if (result.upgraded > 0) writeFileAtomic(file, result.text);
  return { upgraded: result.upgraded, remaining: ignore.legacyEntries - result.upgraded };
}

function loadIgnoreList(ctx: OpsContext, root: string, { staged, ignoreStaged = false }: { staged: boolean; ignoreStaged?: boolean }): ParsedIgnoreFile {
  const file = path.join(root, IGNORE_FILE);
  let text: string | undefined;
  // Ask git for the staged copy only when there can be one: most projects have no such file, and
  // the spawn is a noticeable part of every commit.
  if (staged && (ignoreStaged || pathExists(file))) {
    const shown = ctx.git.exec(['show', `:${IGNORE_FILE}`], { cwd: root, okCodes: [128] });
    if (shown.status === 0) text = shown.stdout.toString('utf8');
  }
  text ??= readOptionalText(file);
  const list = parseIgnoreFile(text ?? '');
  if (list.legacyEntries > 0) {
    ctx.log.warn(ENFORCE_MESSAGES.legacyIgnoreEntries(IGNORE_FILE, list.legacyEntries, UPGRADE_COMMAND));
  }
  return list;
}

/** The repository root when inside one, else the directory itself (path scans work anywhere). */
function repositoryRoot(ctx: OpsContext): string {
  try {
    return ctx.repo.root;
  } catch {
    return ctx.cwd;
  }
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
