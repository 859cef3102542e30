import { Command } from 'commander';
import { runEditor } from '../../io/run-editor.js';
import { editEnv } from '../../ops/edit-env.js';
import { cliContext } from '../cli-context.js';
import { runAction } from '../run-command.js';
import { ENV_MESSAGES as M } from '../messages/env-messages.js';
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
        output.err(result.changed ? M.edited(result.envFile, result.encryptedFile) : M.notEdited(result.envFile));
        return 0;
      }),
    );
}
