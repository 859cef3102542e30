import { InvalidArgumentError, Option, type Command } from 'commander';
import { checkEnvName, encryptedPathFor, envFileFor } from '../core/env-files.js';
import { failure, isEnvguardError } from '../errors.js';
import { ENV_MESSAGES as M } from './messages/env-messages.js';

/**
 * Every command's `--env <name>`: a name that is not an environment name (`staging/eu`, `../x`)
 * is a usage error (exit 2) before the command runs, never read as some other environment.
 * `repeatable` collects the names given into a list.
 */
export function envOption(description: string, options: { default?: string; repeatable?: boolean } = {}): Option {
  const option = new Option('--env <name>', description).argParser((name: string, previous: unknown) => {
    try {
      checkEnvName(name);
    } catch (error) {
      if (!isEnvguardError(error)) throw error;
      throw new InvalidArgumentError(`${error.message}; fix: ${error.hint ?? 'give an environment name'}`);
    }
    if (!options.repeatable) return name;
    return [...(Array.isArray(previous) ? (previous as string[]) : []), name];
  });
  return options.default === undefined ? option : option.default(options.default);
}

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
      throw failure('USAGE', M.envWithPath(option === 'envPath' ? 'env-path' : 'encrypted-path'));
    }
  }
  const envPath = envFileFor(envName);
  return { envPath, encryptedPath: encryptedPathFor(envPath) };
}
