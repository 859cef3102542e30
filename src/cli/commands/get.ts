import { Command } from 'commander';
import { getVariable } from '../../ops/set-variable.js';
import { cliContext } from '../cli-context.js';
import { runAction } from '../run-command.js';
import { envOption } from '../env-option.js';

/** `envguard get NAME [--env E]`: the raw value on stdout, for scripts (`$(envguard get DB_URL)`). */
export function getCommand(): Command {
  return new Command('get')
    .description('print the raw value of one variable (for scripts: it is a secret, mind where it goes)')
    .argument('<name>', 'variable name')
    .addOption(envOption('environment (`default` is .env)', { default: 'default' }))
    .action((name: string, options: { env: string }) =>
      runAction((output) => {
        const value = getVariable(cliContext(output), { envName: options.env, name });
        process.stdout.write(`${value}\n`);
        return 0;
      }),
    );
}
