import { isPlaintextEnvFile } from '../core/env-files.js';
import { ENV_FILE_PATHSPECS, pathsAddedInHistory } from '../io/git-range.js';
import { withCwd, type OpsContext } from './context.js';

/**
 * Plaintext env files that any commit on any ref ever added (for `init`'s warning: removing a
 * file from the tip leaves its values in history). Names only, from one `git log --name-only`.
 */
export function envFilesInHistory(ctx: OpsContext, root: string): string[] {
  return pathsAddedInHistory(withCwd(ctx, root).git, ENV_FILE_PATHSPECS).filter(isPlaintextEnvFile).sort();
}

/** The remediation guide `init` and the push refusals point to. */
export const REMEDIATION_DOC = 'docs/remediation.md (in the envguard package: node_modules/envguard/docs/remediation.md)';
