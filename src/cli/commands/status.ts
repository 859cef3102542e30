import { Command } from 'commander';
import { envFlag } from '../../core/env-files.js';
import { cliContext } from '../context.js';
import { projectStatus, type EnvironmentStatus } from '../../ops/status.js';
import type { HookHealth } from '../../ops/init/hook-health.js';
import type { Output } from '../output.js';
import { runAction } from '../run-command.js';
import { printTrackedForbidden, trackedForbiddenIn } from '../tracked-forbidden-output.js';

/** `envguard status [--json]`: per environment, key, rotation history and due date, ledger validity. */
export function statusCommand(): Command {
  return new Command('status')
    .description('show, per environment: key id, created, last rotation, next due, days left or overdue, ledger validity, key on this machine, interrupted rotation')
    .option('--json', 'print the status as JSON')
    .action((options: { json?: boolean }) =>
      runAction((output) => {
        const ctx = cliContext(output);
        const result = projectStatus(ctx);
        if (options.json) output.json(result);
        else {
          for (const environment of result.environments) printEnvironment(output, environment);
          printHooks(output, result.hooks);
          // Tracked plaintext files are printed below with the other tracked forbidden files.
          for (const notice of result.unmanaged) {
            output.out(output.color.yellow(notice.message));
            output.out(`  fix: ${notice.fix}`);
          }
        }
        // status reports; it refuses nothing (verify and the hooks do).
        if (!options.json) printTrackedForbidden(output, trackedForbiddenIn(ctx));
        return 0;
      }),
    );
}

function printEnvironment(output: Output, status: EnvironmentStatus): void {
  const { color } = output;
  output.out(color.bold(`${status.environment} (${status.ledgerFile})`));
  const line = (label: string, text: string) => output.out(`  ${label.padEnd(14)}${text}`);
  if (status.keyId) line('key', status.keyId);
  if (status.created) line('created', `${day(status.created.time)} by ${status.created.actor.name} <${status.created.actor.email}>`);
  line('last rotation', status.lastRotation ? `${day(status.lastRotation.time)} by ${status.lastRotation.actor.name} <${status.lastRotation.actor.email}>: ${status.lastRotation.reason}` : 'never');
  if (status.nextRotationDue !== undefined && status.daysLeft !== undefined) {
    const when = status.daysLeft < 0 ? color.red(`${-status.daysLeft} day(s) overdue`) : `${status.daysLeft} day(s) left`;
    line('next due', `${day(status.nextRotationDue)} (${when})`);
  }
  if (status.keyId) {
    const local = status.hasCurrentKey
      ? color.green(`yes (${status.keySource})`)
      : color.red(`no: ${status.localKey?.keyId ? `this machine has ${status.localKey.keyId} from ${status.keySource}` : (status.localKey?.problem ?? 'not found')}; get it with \`envguard key import${envFlag(status.environment)}\``);
    line('key here', local);
  }
  line('ledger', status.ledgerValid ? color.green('valid') : color.red(`INVALID (${status.problems.length} problem(s); run \`envguard verify --env ${status.environment}\`)`));
  for (const problem of status.problems.slice(0, 3)) output.out(`    ${problem.message}`);
  if (status.interruptedRotation) {
    const r = status.interruptedRotation;
    line('rotation', color.yellow(`INTERRUPTED at phase "${r.phase}" (started ${r.startedAt} by ${r.actor.name}, new key ${r.newKeyId})`));
    output.out(`    fix: ${r.hint}`);
  }
}

function printHooks(output: Output, hooks: HookHealth): void {
  if (hooks.active) {
    output.out(`hooks         ${output.color.green(`active (${hooks.manager})`)}`);
    return;
  }
  output.out(`hooks         ${output.color.red(`NOT ACTIVE: ${hooks.problem ?? 'envguard does not run on commit'}`)}`);
  if (hooks.hint) output.out(`    fix: ${hooks.hint}`);
}

function day(iso: string): string {
  return iso.slice(0, 10);
}
