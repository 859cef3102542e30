import type { Git } from './git.js';

/**
 * Questions about commits and ranges that the push and CI checks ask git, answered without
 * reading history: does an object exist here, is this clone shallow, what does a commit hold.
 * Each takes the context's git (`ctx.git`), so git runs with the context's environment
 * (`GIT_DIR`, `GIT_INDEX_FILE`, an isolated `HOME`), not whatever the process was started with.
 */

/** True when `rev` names a commit this repository has. */
export function commitExists(git: Git, rev: string): boolean {
  return resolveCommit(git, rev) !== undefined;
}

/**
 * Of the given object names, those that are not commits here (missing, or a tree or blob), in one
 * `git cat-file --batch-check` however many refs a push updates.
 */
export function notCommits(git: Git, names: readonly string[]): string[] {
  if (names.length === 0) return [];
  const input = names.map((name) => `${name}^{commit}\n`).join('');
  const out = git.exec(['cat-file', '--batch-check'], { input }).stdout.toString('utf8').split('\n');
  return names.filter((_name, index) => !/^[0-9a-f]+ commit \d+$/.test(out[index] ?? ''));
}

/** The full sha of a commit, or undefined when it is not here. */
export function resolveCommit(git: Git, rev: string): string | undefined {
  const result = git.exec(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { okCodes: [1, 128] });
  return result.status === 0 ? result.stdout.toString('utf8').trim() : undefined;
}

/** A shallow clone (CI checkouts default to depth 1) lacks the history a range needs. */
export function isShallowRepository(git: Git): boolean {
  return git.text(['rev-parse', '--is-shallow-repository']) === 'true';
}

/** A file's text at a commit (`git show <rev>:<path>`, the path from the top), or undefined when the commit has no such file. */
export function fileAtCommit(git: Git, rev: string, file: string): string | undefined {
  const shown = git.exec(['show', `${rev}:${file}`], { okCodes: [128] });
  return shown.status === 0 ? shown.stdout.toString('utf8') : undefined;
}

/**
 * Paths ever added by a commit reachable from any ref, limited to the pathspecs (one `git log`,
 * names only). Pathspecs are relative to the directory `git` is bound to.
 */
export function pathsAddedInHistory(git: Git, pathspecs: readonly string[]): string[] {
  const out = git.exec(['-c', 'core.quotepath=off', 'log', '--all', '--diff-filter=A', '--name-only', '-z', '--format=', '--', ...pathspecs], { okCodes: [128] });
  if (out.status !== 0) return [];
  return [...new Set(out.stdout.toString('utf8').split('\0').map((entry) => entry.trim()).filter((entry) => entry.length > 0))];
}

/** Pathspecs that match every env-file name at any depth (callers still filter with `isPlaintextEnvFile`). */
export const ENV_FILE_PATHSPECS = [':(glob)**/.env', ':(glob)**/.env.*'];
