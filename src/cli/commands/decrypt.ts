import path from 'node:path';
import { Command } from 'commander';
import { decryptEnvFile } from '../../ops/decrypt.js';
import { envOption, envPaths } from '../env-option.js';
import { cliContext } from '../cli-context.js';
import { runAction } from '../run-command.js';
import { ENV_MESSAGES as M } from '../messages/env-messages.js';

/** `envguard decrypt`: `.env.encrypted` → `.env`, never over local edits without --force. */
export function decryptCommand(): Command {
  return new Command('decrypt')
    .description('decrypt .env.encrypted into .env (refuses to overwrite local edits unless --force)')
    .addOption(envOption('environment: .env.<name>.encrypted (`default` is .env.encrypted), instead of the paths'))
    .option('--encrypted-path <path>', 'encrypted file', '.env.encrypted')
    .option('--env-path <path>', 'plaintext env file (default: encrypted path without .encrypted)')
    .option('--stdout', 'print the plaintext instead of writing it')
    .option('--force', 'overwrite a .env that has local edits')
    .option('--json', 'print the result as JSON (never the plaintext)')
    .action((options: { env?: string; encryptedPath: string; envPath?: string; stdout?: boolean; force?: boolean; json?: boolean }, command: Command) =>
      runAction((output) => {
        const ctx = cliContext(output);
        const result = decryptEnvFile(ctx, { ...options, ...envPaths(command, options.env), stdout: options.stdout && !options.json });
        const rel = (p: string) => path.relative(ctx.cwd, p) || p;
        if (result.outcome === 'stdout') process.stdout.write(result.text ?? '');
        else if (options.json) output.json({ encryptedPath: rel(result.encryptedPath), envPath: rel(result.envPath), keyId: result.keyId, outcome: result.outcome });
        else if (result.outcome === 'unchanged') output.err(M.decryptedUpToDate(rel(result.envPath)));
        else output.err(M.decrypted(rel(result.encryptedPath), rel(result.envPath), result.keyId));
        return 0;
      }),
    );
}
