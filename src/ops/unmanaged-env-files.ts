import { listDirectory } from '../io/read-file.js';
import { isEnvironmentFile } from '../core/env-file-kind.js';
import { encryptedPathFor, envNameOf, isPlaintextEnvFile, ledgerPathFor } from '../core/env-files.js';
import type { Git } from '../io/git.js';
import { ENV_OP_MESSAGES } from './env-messages.js';

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
      const { message, hint } = ENV_OP_MESSAGES.notAnEnvironment(file, envNameOf(file));
      return { file, message, fix: hint };
    });
}

/** Plaintext env files git tracks (their content, secrets included, is in the history); `git` runs at the repository top. */
export function trackedPlaintextEnvFiles(git: Git): EnvFileNotice[] {
  return git
    .linesZ(['ls-files', '-z'])
    .filter((file) => isPlaintextEnvFile(file))
    .map((file) => {
      const { message, hint } = ENV_OP_MESSAGES.trackedPlaintext(file);
      return { file, message, fix: hint };
    });
}
