import type { Problem } from '../problem.js';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Every line the git hooks print that is not a use case's own Problem, in one place so the
 * wording is reviewed together. (Problems carry their message and fix; `report.ts` prints them.)
 */
export const HOOK_MESSAGES = {
  /** A problem that does not stop git (a policy under "warn"): message and fix on one line. */
  warning: (problem: Pick<Problem, 'message' | 'hint'>) => `${problem.message}; ${problem.hint}`,
  bypassRotation: 'to bypass once, at your own risk: ENVGUARD_SKIP=1 git …',

  // pre-commit
  encryptedAndStaged: (file: string) => `encrypted and staged ${file}`,
  commitRefused: (problems: number) => `commit refused (${plural(problems, 'problem')}); to bypass once, at your own risk: ENVGUARD_SKIP=1 git commit …`,

  // pre-push and pre-receive
  pushRefused: (problems: number, commits: number) =>
    `push refused (${plural(problems, 'problem')} in ${commits} pushed commit${commits === 1 ? '' : 's'}); to bypass once, at your own risk: git push --no-verify`,
  pushRejected: (problems: number, commits: number) => `push rejected by the server (${plural(problems, 'problem')} in ${commits} incoming commit${commits === 1 ? '' : 's'})`,

  // post-checkout, post-merge, post-rewrite
  decrypted: (envFile: string) => `decrypted ${envFile}`,
  decryptedKeepingLocal: (envFile: string, kept: readonly string[]) => `decrypted ${envFile}, keeping your local edits${kept.length ? ` to ${kept.join(', ')}` : ''}`,
  syncConflict: (envFile: string, conflicts: readonly string[], incomingFile: string) => [
    `${envFile}: your local edits and the incoming change both touch ${conflicts.join(', ')}`,
    `kept your ${envFile}; the incoming version is in ${incomingFile}`,
    `fix: merge the two by hand into ${envFile}, delete ${incomingFile}, then run \`envguard encrypt\``,
  ],
  syncKeptLocal: (envFile: string, incomingFile: string) => [
    `${envFile} has local edits envguard cannot merge; kept it, the incoming version is in ${incomingFile}`,
    `fix: merge ${incomingFile} into ${envFile} by hand, delete it, then run \`envguard encrypt\``,
  ],
  fix: (hint: string) => `fix: ${hint}`,

  // merge drivers
  mergeDriverUsage: 'merge-driver needs %O %A %B %P',
  mergeLedgerUsage: 'merge-ledger needs %O %A %B %P',
};
