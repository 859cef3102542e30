import type { ChalkInstance } from 'chalk';
import type { Wording } from '../../errors.js';

const entries = (count: number) => `${count} entr${count === 1 ? 'y' : 'ies'}`;

/**
 * What the reporting commands print (`verify`, `status`, `ci`, `scan`), in one place so the
 * wording is reviewed together. The problems they list carry their own message and fix (from the
 * use cases); these are the lines around them. `color` paints the status words.
 */
export const CHECK_MESSAGES = {
  ok: (color: ChalkInstance) => `${color.green('ok')}  `,
  fail: (color: ChalkInstance) => color.red('FAIL'),
  fix: (hint: string) => `  fix: ${hint}`,

  // verify
  replays: (fail: string, environment: string, ledgerFile: string, count: number, revision: string) => `${fail} ${environment} (${ledgerFile}): ${count} token(s) older than at ${revision}`,
  access: (status: string, environment: string, members: number, problems: number) =>
    `${status} ${environment} access: ${members} member(s)${problems === 0 ? ', every grant signed by the current key and its wrapped file intact' : `, ${problems} problem(s)`}`,
  filesChecked: (count: number, keyAvailable: boolean) => `; ${count} encrypted file(s) ${keyAvailable ? 'decrypt with it' : 'name it (no key here to decrypt them)'}`,
  ledgerValid: (status: string, environment: string, ledgerFile: string, count: number, keyId: string, checked: string) =>
    `${status} ${environment} (${ledgerFile}): ${entries(count)}, chain and signatures valid, current key ${keyId}${checked}`,
  ledgerInvalid: (fail: string, environment: string, ledgerFile: string, problems: number) => `${fail} ${environment} (${ledgerFile}): ${problems} problem(s)`,
  ledgerProblem: (entry: number | null, code: string, message: string) => `  ${entry === null ? 'file' : `entry ${entry}`} [${code}] ${message}`,
  trackedFile: (fail: string, file: string, description: string) => `${fail} ${file} is tracked by git: ${description}`,

  // status
  statusKeyHere: (color: ChalkInstance, status: { hasCurrentKey: boolean; keySource?: string; localKey?: { keyId?: string; problem?: string } }, envFlag: string) =>
    status.hasCurrentKey
      ? color.green(`yes (${status.keySource})`)
      : color.red(`no: ${status.localKey?.keyId ? `this machine has ${status.localKey.keyId} from ${status.keySource}` : (status.localKey?.problem ?? 'not found')}; get it with \`envguard key import${envFlag}\``),
  statusCreated: (day: string, actor: { name: string; email: string }) => `${day} by ${actor.name} <${actor.email}>`,
  statusLastRotation: (rotation: { day: string; actor: { name: string; email: string }; reason: string } | undefined) =>
    rotation ? `${rotation.day} by ${rotation.actor.name} <${rotation.actor.email}>: ${rotation.reason}` : 'never',
  statusDue: (color: ChalkInstance, day: string, daysLeft: number) => `${day} (${daysLeft < 0 ? color.red(`${-daysLeft} day(s) overdue`) : `${daysLeft} day(s) left`})`,
  statusLedger: (color: ChalkInstance, valid: boolean, problems: number, environment: string) =>
    valid ? color.green('valid') : color.red(`INVALID (${problems} problem(s); run \`envguard verify --env ${environment}\`)`),
  statusInterrupted: (color: ChalkInstance, rotation: { phase: string; startedAt: string; actor: { name: string }; newKeyId: string }) =>
    color.yellow(`INTERRUPTED at phase "${rotation.phase}" (started ${rotation.startedAt} by ${rotation.actor.name}, new key ${rotation.newKeyId})`),
  hooksActive: (color: ChalkInstance, manager: string | undefined) => `hooks         ${color.green(`active (${manager})`)}`,
  hooksInactive: (color: ChalkInstance, problem: string | undefined) => `hooks         ${color.red(`NOT ACTIVE: ${problem ?? 'envguard does not run on commit'}`)}`,

  // ci
  ciRange: (against: string | undefined) => (against ? `${against.slice(0, 12)}..HEAD` : 'all of HEAD'),
  ciProblem: (check: string, message: string) => `${check}: ${message}`,
  ciWarning: (color: ChalkInstance, warning: string) => color.yellow(`warning: ${warning}`),
  ciNotChecked: (color: ChalkInstance, name: string) => color.yellow(`not checked: ${name} (this version of envguard has no ${name} check)`),
  ciSummary: (commits: number, range: string, checked: readonly string[]) => `${commits} commit(s) scanned (${range}); checked: ${checked.join(', ')}`,
  ciFailed: (color: ChalkInstance, problems: number, summary: string) => `${color.red('FAIL')} ${problems} problem(s); ${summary}`,

  // scan
  ignoreUpgraded: (upgraded: number, remaining: number) =>
    `envguard: ${upgraded} .envguardignore entr${upgraded === 1 ? 'y' : 'ies'} keyed${remaining > 0 ? `, ${remaining} left as they were (their secret is no longer in the working tree; delete them if no longer needed)` : ''}`,
  scanModes: (): Wording => ({ message: 'choose one of --staged, --since REV or PATH…', hint: 'run `envguard scan --staged`, `envguard scan --since main` or `envguard scan src/`' }),
  historyModes: (): Wording => ({ message: '--history scans commits: it takes no PATH and no --staged (and --all goes with --history)', hint: 'run `envguard scan --history` (add `--since REV` or `--all`)' }),
};
