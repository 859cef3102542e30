import { createInterface } from 'node:readline/promises';
import { Command } from 'commander';
import { envFlag, keyVariableFor } from '../../core/env-files.js';
import { EnvguardError } from '../../errors.js';
import type { OpsContext } from '../../ops/context.js';
import { rotate, type RotateResult } from '../../ops/rotate.js';
import { rotationTargets } from '../../ops/rotation-policy.js';
import { cliContext } from '../context.js';
import type { Output } from '../output.js';
import { runAction } from '../run-command.js';
import { envOption } from '../env-option.js';

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
  if (flags.resume && flags.rollback) throw new EnvguardError('USAGE', '--resume and --rollback cannot be used together', { hint: 'pick one: `envguard rotate --resume` or `envguard rotate --rollback`' });
  if (flags.all && flags.env) throw new EnvguardError('USAGE', '--env and --all cannot be used together', { hint: 'use `envguard rotate --env NAME` or `envguard rotate --all`' });
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
    throw new EnvguardError('NOT_DUE', `the ${first.environment} key is not due for rotation until ${first.due.slice(0, 10)} (${first.daysLeft} day(s) left)`, {
      hint: `rotate now anyway with \`envguard rotate${envFlag(first.environment)} --force\``,
    });
  }
  const due = notDue.length === 0 ? 'due' : `not due yet (${notDue.map((s) => `${s.environment}: ${s.daysLeft} day(s) left`).join(', ')})`;
  const readline = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await readline.question(`Rotate the key of ${environments.join(', ')} (${due})? Teammates, CI and deployments will need the new key. [y/N] `);
    if (/^y(es)?$/i.test(answer.trim())) return true;
    output.err('envguard: rotation cancelled; nothing changed');
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
    output.err(color.red(`envguard: rotation of ${result.environment} failed verification (${bad[0] ?? 'a file'} did not decrypt to the same values with the new key); everything was put back and the attempt recorded as failed in ${result.ledgerFile}`));
    output.err('  fix: run `envguard verify` and report this as a bug; your files and key are unchanged');
    return;
  }
  if (result.status === 'rolled_back' && !result.recorded) {
    output.out(`${color.yellow('rolled back')} ${result.environment}: the rotation was interrupted before its new key was saved, so nothing had changed; key ${result.oldKeyId} is current`);
    return;
  }
  if (result.status === 'rolled_back') {
    output.out(`${color.yellow('rolled back')} ${result.environment}: files, ledger and key restored to ${result.oldKeyId}; recorded as rolled_back in ${result.ledgerFile} (staged)`);
    return;
  }
  output.out(`${color.green('rotated')} ${result.environment}: key ${result.oldKeyId} -> ${color.bold(result.newKeyId)}, ${result.files.length} file(s) re-encrypted and verified`);
  if (result.backupPaths.length > 0) output.out(`  backups: ${result.backupPaths[0]?.replace(/\/[^/]*$/, '')}/ (${result.backupPaths.length} file(s))`);
  output.out(`  staged: ${[...result.files.map((file) => file.path), result.ledgerFile].slice(0, 4).join(', ')}${result.files.length > 3 ? ', …' : ''}`);
  output.out(`  next: git commit -m "Rotate ${result.environment} key"`);
  if (result.access) {
    if (result.access.revoked.length > 0) output.out(`  revoked: ${result.access.revoked.map((member) => member.memberId).join(', ')} (their access files deleted; recorded in ${result.ledgerFile})`);
    output.out(`  re-wrapped the new key for ${result.access.rewrapped.length} member(s): ${result.access.rewrapped.map((member) => member.memberId).join(', ')}; their next pull or run finds it`);
    output.out('  anyone else who holds the key outside access files needs the new one:');
  } else {
    output.out('  hand the new key over (or give each teammate access once: `envguard access grant`):');
    output.out(`    teammates:   \`envguard key export${env}\` here, \`envguard key import${env}\` on their machine`);
  }
  output.out(`    CI:          set ${result.environment === 'default' ? 'ENVGUARD_KEY' : keyVariableFor(result.environment)} to the output of \`envguard key export${env}\``);
  output.out(`    Kubernetes:  \`envguard key export${env} --format k8s-secret --name <secret-name> | kubectl apply -f -\`, then restart the workloads`);
  for (const source of result.staleKeySources) {
    output.err(color.yellow(`envguard: warning: ${source} on this machine supplies a key other than the new ${result.newKeyId} and takes precedence over the key store: update or unset it`));
  }
}
