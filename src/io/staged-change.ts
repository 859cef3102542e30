import { PATCH_FLAGS } from '../core/scan/diff-parser.js';
import { failure } from '../errors.js';
import type { Git } from './git.js';

/** A path the staged change adds, copies, modifies or retypes, from `git diff --cached --raw`. */
export interface StagedEntry {
  path: string;
  /** git's status letter: A, C, M, R, T, or U for an unmerged path. */
  status: string;
  /** The blob id the path has in HEAD, or undefined where HEAD has none (added, or a rename's or copy's target). */
  headBlob: string | undefined;
}

/** What `git commit` would commit now, against HEAD: the paths and the patch the secret scan reads. */
export interface StagedChange {
  entries: StagedEntry[];
  /** The patch of every path but deleted ones, as `parseUnifiedDiff` reads it. */
  patch: string;
}

/**
 * The staged change in one git call: the raw listing (paths, status, blob ids) and the patch
 * come out of the same `git diff --cached`, so a hook needs no separate `--name-only` call, and a
 * path's HEAD blob id tells whether its staged blob is HEAD's without a `git show HEAD:<path>`.
 */
export function readStagedChange(git: Git, cwd?: string): StagedChange {
  const args = ['-c', 'core.quotepath=off', 'diff', '--cached', '--raw', '-z', '--no-abbrev', ...PATCH_FLAGS];
  return parseStagedChange(git.exec(args, cwd === undefined ? {} : { cwd }).stdout.toString('utf8'));
}

/**
 * `--raw -z` records (`:<modes> <old id> <new id> <status>\0<path>\0`, a second path after a
 * rename or copy) come first; an empty record ends them and the patch follows.
 */
export function parseStagedChange(output: string): StagedChange {
  const entries: StagedEntry[] = [];
  let at = 0;
  while (output.charCodeAt(at) === 58 /* : */) {
    const metaEnd = output.indexOf('\0', at);
    const pathEnd = output.indexOf('\0', metaEnd + 1);
    if (metaEnd === -1 || pathEnd === -1) throw failure('GIT_FAILED', { message: 'git diff --raw -z printed a record without its path', hint: 'run the commit again; if it persists, report your git version' });
    const meta = output.slice(at + 1, metaEnd).split(' ');
    const status = meta[4]?.charAt(0) ?? '';
    const oldBlob = meta[2] ?? '';
    let path = output.slice(metaEnd + 1, pathEnd);
    at = pathEnd + 1;
    if (status === 'R' || status === 'C') {
      const targetEnd = output.indexOf('\0', at);
      if (targetEnd === -1) throw failure('GIT_FAILED', { message: 'git diff --raw -z printed a rename without its target', hint: 'run the commit again; if it persists, report your git version' });
      path = output.slice(at, targetEnd);
      at = targetEnd + 1;
    }
    const inHead = status !== 'A' && status !== 'R' && status !== 'C' && !/^0+$/.test(oldBlob);
    entries.push({ path, status, headBlob: inHead ? oldBlob : undefined });
  }
  if (output.charCodeAt(at) === 0) at++;
  return { entries, patch: output.slice(at) };
}

/** The paths git will judge (what `--diff-filter=ACMRT` lists): unmerged ones are not among them. */
export function committedPaths(change: StagedChange): string[] {
  return change.entries.filter((entry) => entry.status !== 'U').map((entry) => entry.path);
}
