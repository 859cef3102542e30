import { Command } from 'commander';
import { listEnvironments } from '../../ops/list-environments.js';
import { cliContext } from '../cli-context.js';
import { runAction } from '../run-command.js';
import { ACCESS_CLI_MESSAGES as M } from '../messages/access-messages.js';

/** `envguard ls [--json]`: the project's environments, their files, key ids and who has access here. */
export function lsCommand(): Command {
  return new Command('ls')
    .description('list the environments: files, key id, and how this machine has the key')
    .option('--json', 'print the list as JSON')
    .action((options: { json?: boolean }) =>
      runAction((output) => {
        const environments = listEnvironments(cliContext(output));
        if (options.json) {
          output.json({ environments });
          return 0;
        }
        const rows = environments.map((environment) => [
          environment.name,
          [environment.files.plaintext, environment.files.encrypted, environment.files.ledger].filter((file) => file.exists).map((file) => file.path).join(' '),
          environment.keyId ?? '-',
          environment.managed ? environment.access : M.notManaged(environment.name),
          environment.members ?? '-',
        ]);
        const header = M.lsHeader;
        const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
        for (const row of [header, ...rows]) output.out(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '));
        return 0;
      }),
    );
}
