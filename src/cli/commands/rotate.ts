import { createInterface } from 'node:readline/promises';
import { Command } from 'commander';
import { envFlag, keyVariableFor } from '../../core/env-files.js';
import { failure } from '../../errors.js';
import type { OpsContext } from '../../ops/context.js';
import { rotate, type RotateResult } from '../../ops/rotate.js';
import { rotationTargets } from '../../ops/rotation-policy.js';
import { cliContext } from '../cli-context.js';
import type { Output } from '../output.js';
import { runAction } from '../run-command.js';
import { envOption } from '../env-option.js';
import { ROTATE_MESSAGES as M } from '../messages/rotate-messages.js';

interface RotateFlags {
  env?: string;
  all?: boolean;
  reason?: string;
  backup: boolean;
  force?: boolean;
  json?: boolean;
  resume?: boolean;
  rollback?: boolean;
}

/** `envguard rotate [--env NAME | --all] [--reason TEXT] [--no-backup] [--force] [--json] [--resume | --rollback]`. */
export function rotateCommand(): Command {
  return new Command('rotate')
    .description('rotate an environment\'s key: new key, every encrypted file re-encrypted and verified, old files backed up, signed ledger entry, staged')
    .addOption(envOption('environment to rotate (default: default)'))
    .option('--all', 'rotate every environment that has a ledger')
    .option('--reason <text>', 'why, recorded in the ledger', 'scheduled rotation')
    .option('--no-backup', 'do not keep copies of the old encrypted files under the git dir')
    .option('--force', 'rotate even when not due, without asking')
    .option('--json', 'print the result as JSON')
    .option('--resume', 'finish an interrupted rotation')
    .option('--rollback', 'undo an interrupted rotation (records rolled_back)')
    .action((flags: RotateFlags) => runAction((output) => rotateAction(output, flags)));
}

async function rotateAction(output: Output, flags: RotateFlags): Promise<number> {
  if (flags.resume && flags.rollback) throw failure('USAGE', M.resumeWithRollback());
  if (flags.all && flags.env) throw failure('USAGE', M.envWithAll());
  const ctx = cliContext(output);
  const mode = flags.resume ? 'resume' : flags.rollback ? 'rollback' : 'start';
  if (mode === 'start' && !flags.force && !(await confirmed(ctx, output, flags))) return 1;
  const results = rotate(ctx, { environment: flags.env, all: flags.all, reason: flags.reason, backup: flags.backup, mode });
  if (flags.json) output.json(results);
  else for (const result of results) report(output, result);
  return results.some((result) => result.status === 'failed') ? 1 : 0;
}

/**
 * Asks on a terminal; without one never prompts (DESIGN.md): a due rotation proceeds, one that
 * is not due yet is refused unless --force.
 */
async function confirmed(ctx: OpsContext, output: Output, flags: RotateFlags): Promise<boolean> {
  const { environments, notDue } = rotationTargets(ctx, { all: flags.all, environment: flags.env });
  const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY);
  if (!interactive) {
    const first = notDue[0];
    if (!first) return true;
    throw failure('NOT_DUE', M.notDue(first.environment, first.due.slice(0, 10), first.daysLeft, envFlag(first.environment)));
  }
  const due = notDue.length === 0 ? 'due' : M.notDueYet(notDue);
  const readline = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await readline.question(M.confirm(environments, due));
    if (/^y(es)?$/i.test(answer.trim())) return true;
    output.err(M.cancelled);
    return false;
  } finally {
    readline.close();
  }
}

/** Prints one rotation's outcome (also used by `access revoke`, which is a rotation). */
export function report(output: Output, result: RotateResult): void {
  const { color } = output;
  const env = envFlag(result.environment);
  if (result.status === 'failed') {
    const bad = result.files.filter((file) => !file.verified).map((file) => file.path);
    output.err(color.red(M.failed(result.environment, bad[0], result.ledgerFile)));
    output.err(M.failedFix);
    return;
  }
  if (result.status === 'rolled_back' && !result.recorded) {
    output.out(M.rolledBackUnrecorded(color, result.environment, result.oldKeyId));
    return;
  }
  if (result.status === 'rolled_back') {
    output.out(M.rolledBack(color, result.environment, result.oldKeyId, result.ledgerFile));
    return;
  }
  output.out(M.rotated(color, result.environment, result.oldKeyId, result.newKeyId, result.files.length));
  if (result.backupPaths.length > 0) output.out(M.backups(result.backupPaths[0]?.replace(/\/[^/]*$/, ''), result.backupPaths.length));
  output.out(M.staged([...result.files.map((file) => file.path), result.ledgerFile].slice(0, 4), result.files.length > 3));
  output.out(M.commitNext(result.environment));
  if (result.access) {
    if (result.access.revoked.length > 0) output.out(M.revoked(result.access.revoked.map((member) => member.memberId), result.ledgerFile));
    output.out(M.rewrapped(result.access.rewrapped.map((member) => member.memberId)));
    output.out(M.othersNeedKey);
  } else {
    output.out(M.handOver);
    output.out(M.handOverTeammates(env));
  }
  output.out(M.handOverCi(result.environment === 'default' ? 'ENVGUARD_KEY' : keyVariableFor(result.environment), env));
  output.out(M.handOverKubernetes(env));
  for (const source of result.staleKeySources) output.err(color.yellow(M.staleKeySource(source, result.newKeyId)));
}
