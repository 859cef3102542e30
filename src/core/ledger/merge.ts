import { shortKeyId } from '../key.js';
import { entryHash } from './entry-hash.js';
import type { Ledger, LedgerEntry } from './types.js';

export type LedgerMerge =
  /** One side only appended to the other (or both are equal): take the longer, no conflict. */
  | { clean: true; ledger: Ledger }
  /**
   * Both sides appended different entries after a common prefix: two branches each changed the
   * key (a fork). The result holds both tails, ours first, so `verify` points at the fork; the
   * merge must stop for a person to choose.
   */
  | { clean: false; ledger: Ledger; message: string; hint: string };

/**
 * Three-way merge of a ledger for a git merge driver. A ledger is append-only, so the only merges
 * are "one side is ahead" (clean) or "both sides appended" (a fork). Never drops an entry.
 */
export function mergeLedgers(ours: Ledger, theirs: Ledger, file = '.env.ledger.json'): LedgerMerge {
  const ourHashes = ours.entries.map(entryHash);
  const theirHashes = theirs.entries.map(entryHash);
  let shared = 0;
  while (shared < ourHashes.length && shared < theirHashes.length && ourHashes[shared] === theirHashes[shared]) shared++;
  if (shared === theirHashes.length) return { clean: true, ledger: ours };
  if (shared === ourHashes.length) return { clean: true, ledger: theirs };
  const ourTail = ours.entries.slice(shared);
  const theirTail = theirs.entries.slice(shared);
  return {
    clean: false,
    ledger: { ...ours, entries: [...ours.entries.slice(0, shared), ...ourTail, ...theirTail] },
    message: `${file}: both branches changed the ${ours.environment} key after entry ${shared - 1}: ours ${describe(ourTail)}; theirs ${describe(theirTail)}`,
    hint: `keep one side: \`git checkout --ours -- ${file}\` (or \`--theirs\`) together with that side's encrypted files, commit, then rotate again if needed (\`envguard rotate --force\`)`,
  };
}

function describe(tail: LedgerEntry[]): string {
  const last = [...tail].reverse().find((entry) => entry.type === 'rotation' && entry.status === 'completed') ?? tail[tail.length - 1];
  if (!last) return 'added nothing';
  const what = last.type === 'rotation' && last.status === 'completed' ? `rotated to ${shortKeyId(last.newKeyFingerprint)}` : `recorded a ${last.type === 'rotation' ? last.status : last.type} entry`;
  return `${what} (${last.actor.name}, ${last.time.slice(0, 10)})`;
}
