import { mergeLedgers, schemaProblems, type Ledger } from '../core/ledger/index.js';
import { writeLedger } from '../io/ledger-file.js';
import { readTextIfExists } from '../io/read-file.js';
import type { HookIO } from './report.js';

/**
 * The git merge driver for ledgers (`merge.envguard-ledger.driver = envguard hook merge-ledger
 * %O %A %B %P`). A ledger is append-only: when one side is ahead it wins cleanly (exit 0); when
 * both branches appended (each rotated the key) the result keeps both tails, so `envguard
 * verify` shows the fork entry by entry, and the merge stops (exit 1) for a person to choose.
 * Without it git would leave JSON conflict markers that say nothing about what happened.
 */
export function ledgerMergeDriver(io: HookIO, args: readonly string[]): number {
  const [, oursPath, theirsPath, displayPath = '.env.ledger.json'] = args;
  if (!oursPath || !theirsPath) {
    io.error('merge-ledger needs %O %A %B %P');
    return 2;
  }
  const ours = readLedger(oursPath);
  const theirs = readLedger(theirsPath);
  if (!ours || !theirs) {
    io.error(`${displayPath}: one side is not a valid ledger, so it cannot be merged entry by entry; ours is kept, resolve by hand and run \`envguard verify\``);
    return 1;
  }
  const merge = mergeLedgers(ours, theirs, displayPath);
  writeLedger(oursPath, merge.ledger);
  if (merge.clean) return 0;
  io.error(merge.message);
  io.error(`  fix: ${merge.hint}`);
  return 1;
}

function readLedger(file: string): Ledger | undefined {
  try {
    const value = JSON.parse(readTextIfExists(file) ?? '') as unknown;
    return schemaProblems(value).length === 0 ? (value as Ledger) : undefined;
  } catch {
    return undefined;
  }
}
