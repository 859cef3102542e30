import { describe, expect, it } from 'vitest';
import { shortKeyId } from '../../../src/core/key.js';
import { appendRotation, mergeLedgers, verifyLedger, type Ledger } from '../../../src/core/ledger/index.js';
import { ACTOR, day, key, sampleLedger } from './fixtures.js';

function rotated(ledger: Ledger, from: number, to: number, at: number, name = ACTOR.name): Ledger {
  return appendRotation(ledger, { oldKey: key(from), newKey: key(to), status: 'completed', actor: { ...ACTOR, name }, reason: 'r', now: day(at), files: [], backupPaths: [] });
}

describe('mergeLedgers', () => {
  it('takes the side that is ahead when the other only has the shared prefix', () => {
    const base = sampleLedger();
    const ahead = rotated(base, 3, 4, 300);
    expect(mergeLedgers(base, ahead)).toEqual({ clean: true, ledger: ahead });
    expect(mergeLedgers(ahead, base)).toEqual({ clean: true, ledger: ahead });
    expect(mergeLedgers(ahead, ahead)).toEqual({ clean: true, ledger: ahead });
  });

  it('keeps both tails of a fork, stops the merge, and verify then points at the fork', () => {
    const base = sampleLedger();
    const ours = rotated(base, 3, 4, 300, 'Ada');
    const theirs = rotated(rotated(base, 3, 5, 301, 'Bob'), 5, 6, 302, 'Bob');
    const merge = mergeLedgers(ours, theirs);
    expect(merge.clean).toBe(false);
    if (merge.clean) return;
    expect(merge.ledger.entries).toHaveLength(4 + 1 + 2);
    expect(merge.message).toBe(`.env.ledger.json: both branches changed the default key after entry 3: ours rotated to ${shortKeyId(key(4))} (Ada, 2025-10-28); theirs rotated to ${shortKeyId(key(6))} (Bob, 2025-10-30)`);
    expect(merge.hint).toContain('git checkout --ours -- .env.ledger.json');
    const report = verifyLedger(merge.ledger);
    expect(report.problems[0]).toMatchObject({ code: 'fork', entry: 5, message: expect.stringContaining('entries 4 and 5 both follow entry 3') });
  });
});
