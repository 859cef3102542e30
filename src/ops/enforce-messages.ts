import type { Wording } from '../errors.js';
import type { Finding } from '../core/scan/types.js';

/**
 * What the checks a skipped hook cannot bypass (`envguard ci`, pre-push, pre-receive,
 * `scan --history`) say to the user, in one place so the wording is reviewed together. The
 * refusal lines a push prints are in core/enforce/history-fix.ts and hooks/messages.ts.
 */
export const ENFORCE_MESSAGES = {
  shallowClone: 'this clone is shallow: only the commits it holds were scanned (fetch the full history, or pass --against REV)',
  noLedger: 'no ledger at the repository top: nothing to verify (run `envguard init` to start one)',
  seeVerify: 'run `envguard verify` for the details and the fix',
  findingInCommit: (finding: Finding): Wording => ({
    message: `${finding.file}:${finding.line} ${finding.ruleId} in commit ${finding.commit?.slice(0, 12) ?? '?'}`,
    hint: HISTORY_FIX,
  }),
  untrack: (files: readonly string[]) => `\`git rm --cached -- ${files.map((file) => `'${file}'`).join(' ')}\` and commit; the values were exposed in history: rotate them and see docs/remediation.md`,
  trackedFile: (finding: Finding) => `${finding.file} is tracked: ${finding.description}`,
  baseNotInShallowClone: (rev: string): Wording => ({
    message: `--against ${rev}: not in this clone, which is shallow`,
    hint: 'fetch the history first: `git fetch --unshallow origin` (GitHub Actions: actions/checkout with `fetch-depth: 0`; GitLab CI: `GIT_DEPTH: 0`)',
  }),
  baseMissing: (rev: string): Wording => ({ message: `--against ${rev}: no such commit in this clone`, hint: `fetch it first: \`git fetch origin ${rev.replace(/^origin\//, '')}\`` }),

  // the secret scan
  legacyIgnoreEntries: (ignoreFile: string, count: number, upgradeCommand: string) =>
    `${ignoreFile}: ${count} entr${count === 1 ? 'y uses' : 'ies use'} a bare sha256 fingerprint, which anyone can test guesses of a short secret against; run \`${upgradeCommand}\` to key them`,

  // scan --history, pre-receive
  noSuchSince: (rev: string): Wording => ({ message: `--since ${rev}: no such commit`, hint: 'pass a commit, branch or tag, e.g. `envguard scan --history --since v1.0`' }),
  receivedNotACommit: (ref: string, sha: string): Wording => ({
    message: `pre-receive: ${ref} points to ${sha.slice(0, 12)}, which is not a commit in this repository`,
    hint: 'push again (the pack did not arrive complete); a ref to a tree or blob cannot be checked',
  }),
};

const HISTORY_FIX = 'rewrite the commits named above (`git rebase -i <commit>^`, see docs/remediation.md) and rotate what was exposed';
