import { mergeLedgers, schemaProblems, type Ledger } from '../core/ledger/index.js';
import { writeLedger } from '../io/ledger-file.js';
import { readTextIfExists } from '../io/read-file.js';
import type { Problem } from '../problem.js';
import { MERGE_MESSAGES } from './merge-messages.js';

/** The two sides git hands the ledger merge driver (%A, also where the result goes, and %B) and the path (%P). */
export interface LedgerMergeRequest {
  oursPath: string;
  theirsPath: string;
  displayPath: string;
}

/**
 * The git merge driver for ledgers (`merge.envguard-ledger.driver = envguard hook merge-ledger
 * %O %A %B %P`). A ledger is append-only: when one side is ahead it wins cleanly (exit 0); when
 * both branches appended (each rotated the key) the result keeps both tails, so `envguard
 * verify` shows the fork entry by entry, and the merge stops (exit 1) for a person to choose.
 * Without it git would leave JSON conflict markers that say nothing about what happened.
 */
export function mergeLedgerFiles(request: LedgerMergeRequest): { clean: boolean; problems: Problem[] } {
  const { oursPath, theirsPath, displayPath } = request;
  const ours = readLedger(oursPath);
  const theirs = readLedger(theirsPath);
  if (!ours || !theirs) {
    return { clean: false, problems: [{ code: 'LEDGER_INVALID', file: displayPath, ...MERGE_MESSAGES.ledgerNotMergeable() }] };
  }
  const merge = mergeLedgers(ours, theirs, displayPath);
  writeLedger(oursPath, merge.ledger);
  if (merge.clean) return { clean: true, problems: [] };
  return { clean: false, problems: [{ code: 'CONFLICT', file: displayPath, message: merge.message, hint: merge.hint }] };
}

function readLedger(file: string): Ledger | undefined {
  try {
    const value = JSON.parse(readTextIfExists(file) ?? '') as unknown;
    return schemaProblems(value).length === 0 ? (value as Ledger) : undefined;
  } catch {
    return undefined;
  }
}
