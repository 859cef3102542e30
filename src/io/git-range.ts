import { execGit, gitLinesZ } from './git.js';

/**
 * Questions about commits and ranges that the push and CI checks ask git, answered without
 * reading history: does an object exist here, is this clone shallow, what does a commit hold.
 */

/** True when `rev` names a commit this repository has. */
export function commitExists(root: string, rev: string): boolean {
  return execGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { cwd: root, okCodes: [1, 128] }).status === 0;
}

/**
 * Of the given object names, those that are not commits here (missing, or a tree or blob), in one
 * `git cat-file --batch-check` however many refs a push updates.
 */
export function notCommits(root: string, names: readonly string[]): string[] {
  if (names.length === 0) return [];
  const input = names.map((name) => `${name}^{commit}\n`).join('');
  const out = execGit(['cat-file', '--batch-check'], { cwd: root, input }).stdout.toString('utf8').split('\n');
  return names.filter((_name, index) => !/^[0-9a-f]+ commit \d+$/.test(out[index] ?? ''));
}

/** The full sha of a commit, or undefined when it is not here. */
export function resolveCommit(root: string, rev: string): string | undefined {
  const result = execGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { cwd: root, okCodes: [1, 128] });
  return result.status === 0 ? result.stdout.toString('utf8').trim() : undefined;
}

/** A shallow clone (CI checkouts default to depth 1) lacks the history a range needs. */
export function isShallowRepository(root: string): boolean {
  return execGit(['rev-parse', '--is-shallow-repository'], { cwd: root }).stdout.toString('utf8').trim() === 'true';
}

/** A file's text at a commit (`git show <rev>:<path>`), or undefined when the commit has no such file. */
export function fileAtCommit(root: string, rev: string, file: string): string | undefined {
  const shown = execGit(['show', `${rev}:${file}`], { cwd: root, okCodes: [128] });
  return shown.status === 0 ? shown.stdout.toString('utf8') : undefined;
}

/** Files tracked in the index, limited to the given pathspecs (`:(glob)` patterns). */
export function trackedFiles(root: string, pathspecs: readonly string[]): string[] {
  return gitLinesZ(['-c', 'core.quotepath=off', 'ls-files', '-z', '--', ...pathspecs], { cwd: root });
}

/** Paths ever added by a commit reachable from any ref, limited to the pathspecs (one `git log`, names only). */
export function pathsAddedInHistory(root: string, pathspecs: readonly string[]): string[] {
  const out = execGit(['-c', 'core.quotepath=off', 'log', '--all', '--diff-filter=A', '--name-only', '-z', '--format=', '--', ...pathspecs], { cwd: root, okCodes: [128] });
  if (out.status !== 0) return [];
  return [...new Set(out.stdout.toString('utf8').split('\0').map((entry) => entry.trim()).filter((entry) => entry.length > 0))];
}

/** Pathspecs that match every env-file name at any depth (callers still filter with `isPlaintextEnvFile`). */
export const ENV_FILE_PATHSPECS = [':(glob)**/.env', ':(glob)**/.env.*'];
