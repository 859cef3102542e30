import { Command } from 'commander';
import { allowKeyCommand } from '../../ops/allow.js';
import { cliContext } from '../context.js';
import { runAction } from '../run-command.js';

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
        if (options.show) output.err(`envguard: keyCommand ${quoted} is ${result.approved ? 'approved' : 'not approved'} on this machine`);
        else if (options.remove) output.err(`envguard: ${result.changed ? 'withdrew the approval of' : 'there was no approval for'} keyCommand ${quoted}`);
        else output.err(`envguard: ${result.changed ? 'approved' : 'already approved:'} keyCommand ${quoted}; envguard may now run it to fetch keys`);
        return 0;
      }),
    );
}
