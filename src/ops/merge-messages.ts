import type { Wording } from '../errors.js';

/**
 * What the merge drivers and the checkout/merge sync say (`merge-encrypted-file.ts`,
 * `merge-ledger-files.ts`, `restore-after-abort.ts`, `sync-env.ts`), in one place so the wording
 * is reviewed together. Variable names and paths only: never a value.
 */
export const MERGE_MESSAGES = {
  noKeyToMerge: (): Wording => ({ message: 'cannot merge per variable: no key on this machine; leaving a whole-file conflict', hint: 'run `envguard key import`, then merge again' }),
  sidesUnderOtherKeys: (): Wording => ({
    message: 'cannot merge per variable: one side is under another key (a rotation on a branch)',
    hint: 'import the current key, then re-encrypt with `envguard encrypt --force`',
  }),
  layoutConflict: (file: string) => `${file}: both sides changed comments or line order; kept the incoming side's (yours is in the history)`,
  merged: (file: string) => `merged ${file} per variable`,
  bothChanged: (names: readonly string[]) => `both sides changed ${names.join(', ')}`,
  conflictInEnv: (envFile: string) => `the decrypted conflict is in ${envFile}: resolve it there, then run \`envguard encrypt\` and \`git add ${envFile}.encrypted\``,
  conflictBeside: (envFile: string, target: string) =>
    `${envFile} has local edits, so the decrypted conflict is in ${target}: resolve it into ${envFile}, delete ${target}, then run \`envguard encrypt\` and \`git add ${envFile}.encrypted\``,
  ledgerNotMergeable: (): Wording => ({ message: 'one side is not a valid ledger, so it cannot be merged entry by entry; ours is kept', hint: 'resolve it by hand, then run `envguard verify`' }),

  // an aborted merge
  abortedNoKey: (envFile: string) => `${envFile} still holds the conflict view of an aborted merge, and this machine has no key to restore it; run \`envguard decrypt --force\` once you have the key`,
  abortedRestored: (envFile: string) => `the merge was aborted: restored ${envFile} as it was before it (the conflict view is gone)`,
};
