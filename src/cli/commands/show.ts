import { Command } from 'commander';
import { formatAge, type VariableInfo } from '../../core/describe-variables.js';
import { revealVariable, showEnv } from '../../ops/show.js';
import { cliContext } from '../cli-context.js';
import { runAction } from '../run-command.js';
import { ENV_MESSAGES as M } from '../messages/env-messages.js';
import { envOption } from '../env-option.js';

interface ShowOptions {
  env: string;
  reveal?: string;
  json?: boolean;
}

/**
 * `envguard show [--env NAME] [--reveal NAME] [--json]`: the variables of an environment with
 * secret values hidden (`****` and the length), each value's age, and which names are sensitive.
 * A value is printed only with `--reveal NAME`.
 */
export function showCommand(): Command {
  return new Command('show')
    .description('list the variables of an environment: values masked, age of each value, which are sensitive')
    .addOption(envOption('environment (`default` is .env)', { default: 'default' }))
    .option('--reveal <name>', 'print the value of this one variable (it is a secret: mind where it goes)')
    .option('--json', 'print the list as JSON (secret values are never included)')
    .action((options: ShowOptions) =>
      runAction((output) => {
        const ctx = cliContext(output);
        if (options.reveal !== undefined) {
          const value = revealVariable(ctx, options.env, options.reveal);
          if (options.json) output.json({ name: options.reveal, value });
          else process.stdout.write(`${value}\n`);
          return 0;
        }
        const result = showEnv(ctx, options.env);
        if (options.json) {
          output.json(result);
          return 0;
        }
        output.out(M.showHeader(result.file, result.envName, result.keyId, result.variables.length));
        const shownValue = (variable: VariableInfo) => (variable.value !== undefined ? JSON.stringify(variable.value).slice(1, -1) : M.maskedValue(variable.length));
        const width = Math.max(4, ...result.variables.map((variable) => variable.name.length));
        const valueWidth = Math.max(4, ...result.variables.map((variable) => shownValue(variable).length));
        for (const variable of result.variables) {
          const shown = shownValue(variable).padEnd(valueWidth);
          const age = M.valueAge(variable.ageSeconds === null ? undefined : formatAge(variable.ageSeconds));
          const flag = variable.sensitive ? output.color.yellow(M.sensitive) : '';
          output.out(`  ${variable.name.padEnd(width)}  ${shown}  ${output.color.dim(age)}${flag}`.trimEnd());
        }
        return 0;
      }),
    );
}
