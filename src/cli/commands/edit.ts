import { Command } from 'commander';
import { runEditor } from '../../io/run-editor.js';
import { editEnv } from '../../ops/edit-env.js';
import { cliContext } from '../context.js';
import { runAction } from '../run-command.js';
import { envOption } from '../env-option.js';

/** `envguard edit [--env E]`: `.env` in `$VISUAL`/`$EDITOR`, then encrypted and staged. */
export function editCommand(): Command {
  return new Command('edit')
    .description('open .env in $VISUAL or $EDITOR, then write .env.encrypted and stage it (an editor that fails changes nothing)')
    .addOption(envOption('environment (`default` is .env)', { default: 'default' }))
    .action((options: { env: string }) =>
      runAction((output) => {
        const ctx = cliContext(output);
        const result = editEnv(ctx, { envName: options.env }, (file) => runEditor(file, ctx.env));
        if (!result.changed) output.err(`envguard: ${result.envFile} not changed`);
        else output.err(`envguard: ${result.envFile} saved; ${result.encryptedFile} is staged: commit with \`git commit\``);
        return 0;
      }),
    );
}
