import { Command } from 'commander';
import { loadRunVariables } from '../../ops/load-run-env.js';
import { runWithVariables } from '../../ops/run.js';
import { cliContext } from '../cli-context.js';
import { envOption } from '../env-option.js';
import { runAction } from '../run-command.js';

interface RunOptions {
  env: string[];
  override?: boolean;
  mask: boolean;
}

/**
 * `envguard run [--env NAME]… [--override] [--no-mask] -- CMD ARGS…`: runs CMD with the decrypted
 * environment(s), its output masked, and exits with CMD's exit code (128 + signal when killed).
 * Everything after the command name is passed through untouched, options included.
 */
export function runCommand(): Command {
  return new Command('run')
    .description('run a command with the decrypted environment, masking secret values in its output')
    .argument('<command...>', 'the command and its arguments (put them after --)')
    .addOption(
      envOption('environment to load (repeatable; later ones win)', { repeatable: true }).default([], 'default'),
    )
    .option('--override', 'decrypted values replace variables already set in the environment')
    .option('--no-mask', 'do not mask secret values in the output (the child then writes to the terminal directly)')
    .passThroughOptions()
    .addHelpText('after', '\nExamples:\n  envguard run -- node server.js\n  envguard run --env production -- npm start\n  envguard run -- sh -c \'echo "$DATABASE_URL"\'   (a shell only when you ask for one)')
    .action((commandLine: string[], options: RunOptions) =>
      runAction(async (output) => {
        const ctx = cliContext(output);
        const [command, ...args] = commandLine;
        const envNames = options.env.length > 0 ? options.env : ['default'];
        const variables = loadRunVariables(ctx, envNames);
        const { sensitiveNames, publicNames } = ctx.config;
        const outcome = await runWithVariables(
          ctx,
          { command: command as string, args, variables, override: options.override ?? false, mask: options.mask, sensitiveNames, publicNames },
          { stdin: 'inherit', terminalDeliversSigint: process.stdin.isTTY === true },
        );
        return outcome.exitCode;
      }),
    );
}
