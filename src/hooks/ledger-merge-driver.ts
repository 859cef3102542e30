import { mergeLedgerFiles } from '../ops/merge-ledger-files.js';
import { HOOK_MESSAGES } from './messages.js';
import { printProblems, type HookIO } from './report.js';

/**
 * `envguard hook merge-ledger %O %A %B %P` (git's `merge.envguard-ledger.driver`): see
 * `mergeLedgerFiles`. Exit 0 when one side is ahead, 1 for git to stop on a fork.
 */
export function ledgerMergeDriver(io: HookIO, args: readonly string[]): number {
  const [, oursPath, theirsPath, displayPath = '.env.ledger.json'] = args;
  if (!oursPath || !theirsPath) {
    io.error(HOOK_MESSAGES.mergeLedgerUsage);
    return 2;
  }
  const result = mergeLedgerFiles({ oursPath, theirsPath, displayPath });
  printProblems(io, result.problems);
  return result.clean ? 0 : 1;
}
