import { canonicalJson } from './canonical-json.js';
import { entryHash, sameText } from './entry-hash.js';
import type { Ledger, LedgerEntry } from './types.js';
import type { LedgerProblem } from './verify-ledger.js';

/**
 * Anchoring (DESIGN.md, Ledger): a chain that verifies from its own genesis proves nothing when
 * the whole ledger was replaced by one under someone else's key, or cut short. Two anchors catch
 * that with no key: an older revision of the ledger (`verify --against REV`), and what this
 * machine saw before (the key store remembers each project's genesis and last entry).
 */

/** What a machine remembers of a project's ledger: no secret, only hashes and a count. */
export interface LedgerAnchor {
  /** `entryHash` of the genesis entry. */
  genesisHash: string;
  /** How many entries the ledger had. */
  entries: number;
  /** `entryHash` of the last of those entries. */
  headHash: string;
}

/** The anchor of a ledger as it is now. */
export function anchorOf(ledger: Ledger): LedgerAnchor {
  return { genesisHash: entryHash(ledger.entries[0] as LedgerEntry), entries: ledger.entries.length, headHash: entryHash(ledger.entries[ledger.entries.length - 1] as LedgerEntry) };
}

/**
 * Problems with `head` as a continuation of `base` (the ledger at an older revision): the same
 * genesis, every old entry unchanged (signatures included) and still there, in order. Both
 * should have been verified on their own first.
 */
export function ledgerExtends(base: Ledger, head: Ledger, labels: { base: string; head: string; file: string }): LedgerProblem[] {
  const hint = `do not trust this ledger: compare \`git log -p -- ${labels.file}\` and restore the ${labels.base} version with \`git checkout ${labels.base} -- ${labels.file}\` (then re-apply legitimate entries with envguard)`;
  const problem = (entry: number | null, message: string): LedgerProblem => ({ code: 'anchor', file: labels.file, entry, path: entry === null ? '/entries' : `/entries/${entry}`, message, hint });
  if (!sameEntry(base.entries[0], head.entries[0])) {
    return [problem(0, `the genesis entry differs from the one at ${labels.base}: the ledger was replaced`)];
  }
  const problems: LedgerProblem[] = [];
  const shared = Math.min(base.entries.length, head.entries.length);
  for (let index = 1; index < shared; index++) {
    if (!sameEntry(base.entries[index], head.entries[index])) problems.push(problem(index, `entry ${index} differs from entry ${index} at ${labels.base}: a recorded entry was rewritten`));
  }
  if (head.entries.length < base.entries.length) {
    problems.push(problem(null, `${labels.head} has ${head.entries.length} entr${head.entries.length === 1 ? 'y' : 'ies'} but ${labels.base} had ${base.entries.length}: entries were dropped from the end`));
  }
  return problems;
}

/**
 * The problem with a verified ledger given what this machine remembers of it, or undefined when
 * it is the same chain or extends it: a different genesis, a shorter chain, or a different entry
 * where the remembered last one was.
 */
export function checkAgainstAnchor(ledger: Ledger, anchor: LedgerAnchor, file: string): LedgerProblem | undefined {
  const hint = `if you know why (the project was re-initialised on purpose, or you checked out a commit from before the entries this machine saw), run \`envguard verify --trust-ledger\` to make this ledger the one this machine knows; otherwise restore ${file} from a trusted copy (\`git log -p -- ${file}\`)`;
  const problem = (entry: number | null, message: string): LedgerProblem => ({ code: 'anchor', file, entry, path: entry === null ? '/entries' : `/entries/${entry}`, message, hint });
  const now = anchorOf(ledger);
  if (!sameText(now.genesisHash, anchor.genesisHash)) return problem(0, `${file} starts from a different genesis than the one this machine has seen for this project: the ledger was replaced`);
  if (ledger.entries.length < anchor.entries) {
    return problem(null, `${file} has ${ledger.entries.length} entr${ledger.entries.length === 1 ? 'y' : 'ies'}, fewer than the ${anchor.entries} this machine has seen: entries were dropped`);
  }
  const seen = anchor.entries - 1;
  if (!sameText(entryHash(ledger.entries[seen] as LedgerEntry), anchor.headHash)) return problem(seen, `entry ${seen} of ${file} differs from the one this machine has seen: a recorded entry was rewritten`);
  return undefined;
}

function sameEntry(a: LedgerEntry | undefined, b: LedgerEntry | undefined): boolean {
  return a !== undefined && b !== undefined && sameText(canonicalJson(a), canonicalJson(b));
}
