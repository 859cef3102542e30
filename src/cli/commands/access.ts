import { Command } from 'commander';
import { failure } from '../../errors.js';
import { grantAccess } from '../../ops/access/grant.js';
import { listAccess } from '../../ops/access/list.js';
import { accessRequest } from '../../ops/access/request.js';
import { revokeAccess } from '../../ops/access/revoke.js';
import { cliContext } from '../cli-context.js';
import { runAction } from '../run-command.js';
import { report as reportRotation } from './rotate.js';
import { envOption } from '../env-option.js';
import { ACCESS_CLI_MESSAGES as M } from '../messages/access-messages.js';

interface EnvFlags {
  env?: string;
  all?: boolean;
}

function checkEnvFlags(flags: EnvFlags): void {
  if (flags.env && flags.all) throw failure('USAGE', M.envWithAll());
}

/**
 * `envguard access id|request|grant|list|revoke`: per-person access (DESIGN.md). Each member's
 * identity opens a wrapped copy of the key; joining needs only a public key, leaving is rotation.
 * Nothing here ever prints an identity or a key: only recipients, member ids and names.
 */
export function accessCommand(): Command {
  const access = new Command('access').description('who can open each environment: identities, grants, revocation by rotation');
  access
    .command('id')
    .description("print this machine's public recipient (creates its identity on first use); never prints the identity")
    .option('--json', 'print the result as JSON')
    .action((flags: { json?: boolean }) =>
      runAction((output) => {
        const result = accessRequest(cliContext(output));
        if (flags.json) output.json({ recipient: result.recipient, source: result.source, created: result.created });
        else output.out(result.recipient);
        if (result.created) output.err(M.identityCreated(result.source));
        return 0;
      }),
    );
  access
    .command('request')
    .description('print the one line a teammate who has the key runs to grant you access (nothing in it is secret)')
    .addOption(envOption('the environment to ask for (default: default)'))
    .action((flags: { env?: string }) =>
      runAction((output) => {
        const result = accessRequest(cliContext(output), { environment: flags.env });
        output.err(M.sendRequest);
        output.out(result.command);
        return 0;
      }),
    );
  access
    .command('grant <recipient>')
    .description("wrap the environment's key for a recipient (age1… or ssh-ed25519 …), sign the grant, stage both files")
    .requiredOption('--name <name>', 'who this is, e.g. "Bob <bob@example.com>" (the member id is made from it)')
    .addOption(envOption('environment (default: default)'))
    .option('--all', 'every environment that has a ledger')
    .option('--ci', 'a CI system rather than a person')
    .option('--json', 'print the result as JSON')
    .action((recipient: string, flags: EnvFlags & { name: string; ci?: boolean; json?: boolean }) =>
      runAction((output) => {
        checkEnvFlags(flags);
        const results = grantAccess(cliContext(output), { recipient, name: flags.name, environment: flags.env, all: flags.all, ci: flags.ci });
        if (flags.json) {
          output.json(results);
          return 0;
        }
        for (const result of results) output.out(M.granted(output.color, result.replaced, result.memberId, result.environment, result.files));
        output.out(M.grantNext);
        return 0;
      }),
    );
  access
    .command('list')
    .description('who can open which environment, granted by whom and when; each grant signature checked')
    .addOption(envOption('only this environment'))
    .option('--json', 'print the result as JSON')
    .action((flags: { env?: string; json?: boolean }) =>
      runAction((output) => {
        const rows = listAccess(cliContext(output), { environment: flags.env });
        if (flags.json) output.json(rows);
        else if (rows.length === 0) output.out(M.noAccessFiles);
        else for (const row of rows) output.out(row.valid ? M.member(row) : M.invalidMember(output.color, row));
        return rows.every((row) => row.valid) ? 0 : 1;
      }),
    );
  access
    .command('revoke <member>')
    .description("end a member's access: rotates the key, re-wraps it for everyone else, deletes their files, records who and why")
    .requiredOption('--reason <text>', 'why, recorded in the ledger')
    .addOption(envOption('environment (default: default)'))
    .option('--all', 'every environment the member belongs to')
    .option('--json', 'print the result as JSON')
    .action((member: string, flags: EnvFlags & { reason: string; json?: boolean }) =>
      runAction((output) => {
        checkEnvFlags(flags);
        const results = revokeAccess(cliContext(output), { member, environment: flags.env, all: flags.all, reason: flags.reason });
        if (flags.json) output.json(results);
        else for (const result of results) reportRotation(output, result);
        if (!flags.json) output.out(M.revokedStillHaveOldKey);
        return results.some((result) => result.status === 'failed') ? 1 : 0;
      }),
    );
  return access;
}
