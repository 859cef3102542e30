import { Command } from 'commander';
import { allowKeyCommand } from '../../ops/allow.js';
import { cliContext } from '../cli-context.js';
import { runAction } from '../run-command.js';
import { ENV_MESSAGES as M } from '../messages/env-messages.js';

/** `envguard allow [--show|--remove]`: approve the repository's keyCommand on this machine. */
export function allowCommand(): Command {
  return new Command('allow')
    .description("approve the keyCommand in .envguard.json on this machine (it never runs before; a changed command needs approval again)")
    .option('--show', 'print the command and whether it is approved, changing nothing')
    .option('--remove', 'withdraw the approval')
    .option('--json', 'print the result as JSON')
    .action((options: { show?: boolean; remove?: boolean; json?: boolean }) =>
      runAction((output) => {
        const result = allowKeyCommand(cliContext(output), options);
        if (options.json) {
          output.json(result);
          return 0;
        }
        // JSON quoting shows the exact text and keeps any control character inert.
        const quoted = JSON.stringify(result.command);
        if (options.show) output.err(M.approvalShown(quoted, result.approved));
        else if (options.remove) output.err(M.approvalRemoved(quoted, result.changed));
        else output.err(M.approved(quoted, result.changed));
        return 0;
      }),
    );
}
