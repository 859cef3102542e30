import type { Command } from 'commander';
import { encryptedPathFor, envFileFor } from '../core/env-files.js';
import { EnvguardError } from '../errors.js';
import { checkEnvName } from '../ops/env-change.js';

/**
 * `--env NAME` for `encrypt`/`decrypt`: the environment's two files, in place of `--env-path` and
 * `--encrypted-path`. Giving both forms is ambiguous, so it is refused. Without `--env`, nothing
 * changes (the path options and their defaults apply).
 */
export function envPaths(command: Command, envName: string | undefined): { envPath?: string; encryptedPath?: string } {
  if (envName === undefined) return {};
  checkEnvName(envName);
  for (const option of ['envPath', 'encryptedPath']) {
    if (command.getOptionValueSource(option) === 'cli') {
      throw new EnvguardError('USAGE', `--env and --${option === 'envPath' ? 'env-path' : 'encrypted-path'} both name the files`, { hint: 'give one: `--env staging`, or the paths' });
    }
  }
  const envPath = envFileFor(envName);
  return { envPath, encryptedPath: encryptedPathFor(envPath) };
}
