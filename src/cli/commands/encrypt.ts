import path from 'node:path';
import { Command, Option } from 'commander';
import { encryptEnvFile } from '../../ops/encrypt.js';
import { envOption, envPaths } from '../env-option.js';
import { cliContext } from '../cli-context.js';
import { runAction } from '../run-command.js';
import { ENV_MESSAGES as M } from '../messages/env-messages.js';

/** `envguard encrypt`: `.env` → `.env.encrypted`. */
export function encryptCommand(): Command {
  return new Command('encrypt')
    .description('encrypt .env into .env.encrypted (one Fernet token per variable; unchanged variables keep their token)')
    .addOption(envOption('environment: .env.<name> (`default` is .env), instead of --env-path'))
    .option('--env-path <path>', 'plaintext env file', '.env')
    .option('--encrypted-path <path>', 'encrypted file (default: <env-path>.encrypted)')
    .addOption(new Option('--format <format>', 'values: one token per variable; whole: one token for the file (legacy)').choices(['values', 'whole']).default('values'))
    .option('--force', 'replace an encrypted file that is under a different key')
    .option('--json', 'print the result as JSON')
    .action((options: { env?: string; envPath: string; encryptedPath?: string; format: 'values' | 'whole'; force?: boolean; json?: boolean }, command: Command) =>
      runAction((output) => {
        const ctx = cliContext(output);
        const result = encryptEnvFile(ctx, { ...options, ...envPaths(command, options.env) });
        const rel = (p: string) => path.relative(ctx.cwd, p) || p;
        if (options.json) output.json({ ...result, envPath: rel(result.envPath), encryptedPath: rel(result.encryptedPath) });
        else if (!result.written) output.err(M.encryptedUpToDate(rel(result.encryptedPath), result.keyId));
        else output.err(M.encrypted(result.variables, rel(result.envPath), rel(result.encryptedPath), result.keyId, result.reused));
        return 0;
      }),
    );
}
