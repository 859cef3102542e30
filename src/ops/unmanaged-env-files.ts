import { listDirectory } from '../io/read-file.js';
import { isEnvironmentFile } from '../core/env-file-kind.js';
import { encryptedPathFor, envNameOf, isPlaintextEnvFile, ledgerPathFor } from '../core/env-files.js';
import { gitLinesZ } from '../io/git.js';

/** A plaintext env file that needs the user: never encrypted (made after `init`), or tracked by git. */
export interface EnvFileNotice {
  file: string;
  message: string;
  fix: string;
}

/**
 * Environment files at the repository top that `init` never set up (a `.env.staging` made
 * later): ignored by git and never encrypted, so silently never shared. Not `.env.local` and
 * the like, which are meant to stay on the machine.
 */
export function unmanagedEnvFiles(root: string): EnvFileNotice[] {
  const names = listDirectory(root);
  const present = new Set(names);
  return names
    .filter((name) => isEnvironmentFile(name) && !present.has(ledgerPathFor(name)) && !present.has(encryptedPathFor(name)))
    .sort()
    .map((file) => {
      const envName = envNameOf(file);
      return {
        file,
        message: `${file} is not an envguard environment: it is never encrypted or committed`,
        fix: `envguard init${envName === 'default' ? '' : ` --env ${envName}`}`,
      };
    });
}

/** Plaintext env files git tracks (their content, secrets included, is in the history). */
export function trackedPlaintextEnvFiles(root: string): EnvFileNotice[] {
  return gitLinesZ(['ls-files', '-z'], { cwd: root })
    .filter((file) => isPlaintextEnvFile(file))
    .map((file) => ({
      file,
      message: `${file} is tracked by git in plaintext`,
      fix: `git rm --cached -- '${file}' && git commit -m "Stop tracking ${file}", then change the secrets it held: they stay in the history`,
    }));
}
