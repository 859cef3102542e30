import path from 'node:path';
import { encryptedPathFor, envFileFor } from '../../core/env-files.js';
import type { Git } from '../../io/git.js';
import { pathExists } from '../../io/read-file.js';

/**
 * The encrypted files of an environment: every `<envfile>.encrypted` in the repository
 * (`.env.encrypted` for `default`, `.env.production.encrypted` for `production`), at the top or
 * in any subdirectory, tracked or new but not ignored. One key and one ledger (at the top) cover
 * them all, so a rotation re-encrypts every one. Asked with the context's git.
 */
export function listEncryptedFiles(git: Git, root: string, environment: string): string[] {
  const name = encryptedPathFor(envFileFor(environment));
  const listed = git.linesZ(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', `:(glob)**/${name}`], { cwd: root });
  return [...new Set(listed)].filter((file) => pathExists(path.join(root, file))).sort();
}
