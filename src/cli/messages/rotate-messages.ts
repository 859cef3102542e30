import type { ChalkInstance } from 'chalk';
import type { Wording } from '../../errors.js';

/**
 * What `envguard rotate` (and `access revoke`, which is a rotation) prints, in one place so the
 * wording is reviewed together. Functions take the variable parts; `color` paints the status word.
 */
export const ROTATE_MESSAGES = {
  resumeWithRollback: (): Wording => ({ message: '--resume and --rollback cannot be used together', hint: 'pick one: `envguard rotate --resume` or `envguard rotate --rollback`' }),
  envWithAll: (): Wording => ({ message: '--env and --all cannot be used together', hint: 'use `envguard rotate --env NAME` or `envguard rotate --all`' }),
  notDue: (environment: string, due: string, daysLeft: number, envFlag: string): Wording => ({
    message: `the ${environment} key is not due for rotation until ${due} (${daysLeft} day(s) left)`,
    hint: `rotate now anyway with \`envguard rotate${envFlag} --force\``,
  }),
  notDueYet: (notDue: ReadonlyArray<{ environment: string; daysLeft: number }>) => `not due yet (${notDue.map((s) => `${s.environment}: ${s.daysLeft} day(s) left`).join(', ')})`,
  confirm: (environments: readonly string[], due: string) => `Rotate the key of ${environments.join(', ')} (${due})? Teammates, CI and deployments will need the new key. [y/N] `,
  cancelled: 'envguard: rotation cancelled; nothing changed',

  // the outcome of one rotation
  failed: (environment: string, file: string | undefined, ledgerFile: string) =>
    `envguard: rotation of ${environment} failed verification (${file ?? 'a file'} did not decrypt to the same values with the new key); everything was put back and the attempt recorded as failed in ${ledgerFile}`,
  failedFix: '  fix: run `envguard verify` and report this as a bug; your files and key are unchanged',
  rolledBackUnrecorded: (color: ChalkInstance, environment: string, oldKeyId: string) =>
    `${color.yellow('rolled back')} ${environment}: the rotation was interrupted before its new key was saved, so nothing had changed; key ${oldKeyId} is current`,
  rolledBack: (color: ChalkInstance, environment: string, oldKeyId: string, ledgerFile: string) =>
    `${color.yellow('rolled back')} ${environment}: files, ledger and key restored to ${oldKeyId}; recorded as rolled_back in ${ledgerFile} (staged)`,
  rotated: (color: ChalkInstance, environment: string, oldKeyId: string, newKeyId: string, files: number) =>
    `${color.green('rotated')} ${environment}: key ${oldKeyId} -> ${color.bold(newKeyId)}, ${files} file(s) re-encrypted and verified`,
  backups: (directory: string | undefined, count: number) => `  backups: ${directory}/ (${count} file(s))`,
  staged: (paths: readonly string[], more: boolean) => `  staged: ${paths.join(', ')}${more ? ', …' : ''}`,
  commitNext: (environment: string) => `  next: git commit -m "Rotate ${environment} key"`,
  revoked: (memberIds: readonly string[], ledgerFile: string) => `  revoked: ${memberIds.join(', ')} (their access files deleted; recorded in ${ledgerFile})`,
  rewrapped: (memberIds: readonly string[]) => `  re-wrapped the new key for ${memberIds.length} member(s): ${memberIds.join(', ')}; their next pull or run finds it`,
  othersNeedKey: '  anyone else who holds the key outside access files needs the new one:',
  handOver: '  hand the new key over (or give each teammate access once: `envguard access grant`):',
  handOverTeammates: (envFlag: string) => `    teammates:   \`envguard key export${envFlag}\` here, \`envguard key import${envFlag}\` on their machine`,
  handOverCi: (variable: string, envFlag: string) => `    CI:          set ${variable} to the output of \`envguard key export${envFlag}\``,
  handOverKubernetes: (envFlag: string) => `    Kubernetes:  \`envguard key export${envFlag} --format k8s-secret --name <secret-name> | kubectl apply -f -\`, then restart the workloads`,
  staleKeySource: (source: string, newKeyId: string) => `envguard: warning: ${source} on this machine supplies a key other than the new ${newKeyId} and takes precedence over the key store: update or unset it`,
};
