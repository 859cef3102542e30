import type { Wording } from '../errors.js';

/**
 * What the ledger use cases say (`verify`, `verify --against`, `status`, the token-replay checks
 * where values enter), in one place so the wording is reviewed together. What the chain check
 * itself finds is worded in core/ledger/verify.ts and anchor.ts, beside the rule it reports.
 */
export const LEDGER_MESSAGES = {
  noLedger: (): Wording => ({ message: 'no ledger found (.env.ledger.json or .env.<name>.ledger.json at the repository top)', hint: 'run `envguard init` to create keys and ledgers' }),
  wrongEnvironment: (fileName: string, declared: string, environment: string, rightName: string, ledgerFile: string): Wording => ({
    message: `${fileName} records environment "${declared}" but its file name is for "${environment}"`,
    hint: `rename the file to ${rightName}, or restore it with \`git checkout HEAD -- ${ledgerFile}\``,
  }),
  foreignPublicKey: (keyId: string, ledgerFile: string): Wording => ({
    message: `the ledger's public key for the current key ${keyId} is not derived from that key: its signatures were made by someone else's key`,
    hint: `do not trust this ledger; restore it from a trusted copy (\`git log -p -- ${ledgerFile}\`)`,
  }),
  restoreLedger: (ledgerFile: string) => `restore it with \`git checkout HEAD -- ${ledgerFile}\``,
  interruptedRotation: (envFlag: string) => `finish it with \`envguard rotate${envFlag} --resume\` or undo it with \`envguard rotate${envFlag} --rollback\``,
  noKeyHere: 'no key on this machine',
  fileUnderOtherKey: (file: string, keyId: string, currentKeyId: string) => `${file} is under key ${keyId}, but the ledger's current key is ${currentKeyId}`,

  // the rotation policy (`.envguard.json` "overdue")
  rotationOverdue: (overdue: ReadonlyArray<{ environment: string; due: string; daysOverdue: number }>, command: string, block: boolean): Wording => ({
    message: `key rotation overdue: ${overdue.map((e) => `${e.environment} (due ${e.due}, ${e.daysOverdue} day${e.daysOverdue === 1 ? '' : 's'} overdue)`).join(', ')}`,
    hint: `run \`${command}\`${block ? ' (.envguard.json "overdue": "block" refuses until then)' : ''}`,
  }),

  // verify --against REV
  revisionMissing: (name: string, shallow: boolean): Wording => ({
    message: `${name} is not in this clone${shallow ? ' (it is a shallow clone)' : ''}, so the ledger cannot be checked against it`,
    hint: shallow
      ? `fetch more history (\`git fetch --unshallow\`, or \`fetch-depth: 0\` in actions/checkout), then run \`envguard verify --against ${name}\` again`
      : `fetch it (\`git fetch origin ${name}\`) or name a commit that exists, then run \`envguard verify --against ${name}\` again`,
  }),
  nothingToAnchor: (why: string, revision: string, ledgerFile: string): Wording => ({
    message: `${why}: nothing to anchor to`,
    hint: `check the ledger at ${revision} (\`git show ${revision}:${ledgerFile}\`), or anchor to another revision`,
  }),

  // what verify suggests, most specific first (support/verify-fixes.ts)
  fixReplay: 'edit .env to restore an old value (it gets a fresh token); otherwise restore the encrypted file from the revision',
  fixOtherKey: (ledgerFile: string) => `a file under another key means a rotation is missing from the ledger or was not committed with it: compare \`git log -- ${ledgerFile}\` with the files' history`,
  fixDamagedFile: 'restore the damaged file from git (`git checkout -- <file>`), or re-encrypt it from .env with `envguard encrypt --force`',

  // token replay (incoming-tokens.ts): names and times only
  replay: (at: { file: string; line: number }, what: string, incoming: { time: string; older: boolean }, than: { what: string; time: string }) =>
    `${at.file}:${at.line}: ${what} (${incoming.time}) ${incoming.older ? `is older than ${than.what}` : `is an earlier token than ${than.what}`} (${than.time}): an old value pasted back (token replay)`,
  replayFix: (envFile: string, encryptedFile: string) => `edit ${envFile} to restore an old value (it gets a fresh token); otherwise restore the file with \`git checkout HEAD -- ${encryptedFile}\``,
  notUpdated: (envFile: string, why: string) => `${envFile} not updated: ${why}`,
};
