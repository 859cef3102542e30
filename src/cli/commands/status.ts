import { Command } from 'commander';
import { envFlag } from '../../core/env-files.js';
import { cliContext } from '../cli-context.js';
import { projectStatus, type EnvironmentStatus } from '../../ops/status.js';
import type { HookHealth } from '../../ops/init/hook-health.js';
import type { Output } from '../output.js';
import { runAction } from '../run-command.js';
import { printTrackedForbidden, trackedForbiddenIn } from '../tracked-forbidden-output.js';
import { CHECK_MESSAGES as M } from '../messages/checks-messages.js';

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
            output.out(M.fix(notice.fix));
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
  if (status.created) line('created', M.statusCreated(day(status.created.time), status.created.actor));
  line('last rotation', M.statusLastRotation(status.lastRotation && { ...status.lastRotation, day: day(status.lastRotation.time) }));
  if (status.nextRotationDue !== undefined && status.daysLeft !== undefined) line('next due', M.statusDue(color, day(status.nextRotationDue), status.daysLeft));
  if (status.keyId) line('key here', M.statusKeyHere(color, status, envFlag(status.environment)));
  line('ledger', M.statusLedger(color, status.ledgerValid, status.problems.length, status.environment));
  for (const problem of status.problems.slice(0, 3)) output.out(`    ${problem.message}`);
  if (status.interruptedRotation) {
    line('rotation', M.statusInterrupted(color, status.interruptedRotation));
    output.out(`  ${M.fix(status.interruptedRotation.hint)}`);
  }
}

function printHooks(output: Output, hooks: HookHealth): void {
  if (hooks.active) {
    output.out(M.hooksActive(output.color, hooks.manager));
    return;
  }
  output.out(M.hooksInactive(output.color, hooks.problem));
  if (hooks.hint) output.out(`  ${M.fix(hooks.hint)}`);
}

function day(iso: string): string {
  return iso.slice(0, 10);
}
