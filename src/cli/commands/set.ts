import { Command } from 'commander';
import { readSecretInput } from '../../io/read-secret-input.js';
import { setVariable, unsetVariable } from '../../ops/set-variable.js';
import { cliContext } from '../cli-context.js';
import { runAction } from '../run-command.js';
import { ENV_MESSAGES as M } from '../messages/env-messages.js';
import { envOption } from '../env-option.js';

/**
 * `envguard set NAME [VALUE|-] [--env E]`: one variable written to `.env` and `.env.encrypted`
 * and staged, so the next plain `git commit` commits it. With `-` or no VALUE the value is read
 * from standard input (hidden when typed), which keeps it out of shell history and `ps`.
 */
export function setCommand(): Command {
  return new Command('set')
    .description('set one variable in .env and .env.encrypted and stage the result (value from stdin with `-`)')
    .argument('<name>', 'variable name, e.g. DB_PASSWORD')
    .argument('[value]', 'the value, or `-` (the default) to read it from standard input; a value typed here stays in your shell history')
    .addOption(envOption('environment (`default` is .env)', { default: 'default' }))
    .option('--json', 'print what changed as JSON (never the value)')
    .addHelpText('after', '\nExamples:\n  envguard set DB_PASSWORD -            # type it (hidden), or pipe it in\n  printf %s "$TOKEN" | envguard set API_TOKEN -\n  envguard set --env staging LOG_LEVEL debug   # on argv: visible in history')
    .action((name: string, value: string | undefined, options: { env: string; json?: boolean }) =>
      runAction(async (output) => {
        const ctx = cliContext(output);
        const given = value === undefined || value === '-' ? await readSecretInput() : value;
        const change = setVariable(ctx, { envName: options.env, name, value: given });
        if (options.json) output.json(change);
        else if (change.outcome === 'unchanged') output.err(M.sameValue(name, change.envFile));
        else output.err(M.set(change.outcome, name, change.envFile, change.encryptedFile));
        return 0;
      }),
    );
}

/** `envguard unset NAME [--env E]`: removes a variable from `.env` and `.env.encrypted` and stages the result. */
export function unsetCommand(): Command {
  return new Command('unset')
    .description('remove one variable from .env and .env.encrypted and stage the result')
    .argument('<name>', 'variable name')
    .addOption(envOption('environment (`default` is .env)', { default: 'default' }))
    .option('--json', 'print what changed as JSON')
    .action((name: string, options: { env: string; json?: boolean }) =>
      runAction((output) => {
        const change = unsetVariable(cliContext(output), { envName: options.env, name });
        if (options.json) output.json(change);
        else output.err(M.unset(name, change.envFile, change.encryptedFile));
        return 0;
      }),
    );
}
