import { forbiddenFileFinding } from '../../core/enforce/forbidden-file.js';
import type { Finding } from '../../core/scan/types.js';
import { isEnvguardError } from '../../errors.js';
import type { OpsContext } from '../context.js';
import { ENFORCE_MESSAGES } from '../enforce-messages.js';

/**
 * Files git tracks that must never be committed: a plaintext env file or a key file that got in
 * past the hooks (`--no-verify`, a machine without envguard). Judged by path, so it needs no key;
 * `verify`, `status`, `scan` and `ci` all report it. One `git ls-files` at the repository top,
 * which reads the index only (the context's: its `GIT_INDEX_FILE`, if any).
 */
export function trackedForbiddenFiles(ctx: OpsContext): Finding[] {
  const findings: Finding[] = [];
  for (const file of ctx.git.linesZ(['-c', 'core.quotepath=off', 'ls-files', '-z'], { cwd: ctx.repo.root })) {
    const finding = forbiddenFileFinding(file);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** The one-line fix for a tracked forbidden file (the history rewrite is in docs/remediation.md). */
export function untrackHint(files: ReadonlyArray<Pick<Finding, 'file'>>): string {
  return ENFORCE_MESSAGES.untrack(files.map((finding) => finding.file));
}

/** The repository top, or undefined outside a repository (a path scan works anywhere). */
export function repositoryTop(ctx: OpsContext): string | undefined {
  try {
    return ctx.repo.root;
  } catch (error) {
    if (isEnvguardError(error, 'NOT_A_GIT_REPO') || isEnvguardError(error, 'GIT_MISSING')) return undefined;
    throw error;
  }
}
