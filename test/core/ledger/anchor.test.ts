import { describe, expect, it } from 'vitest';
import { anchorOf, appendRotation, checkAgainstAnchor, createGenesis, ledgerExtends, verifyLedger } from '../../../src/core/ledger/index.js';
import { ACTOR, clone, day, key, PROJECT_ID, sampleLedger, T0 } from './fixtures.js';

const labels = { base: 'v1.0', head: 'HEAD', file: '.env.ledger.json' };

describe('anchored ledger (issue 15 items 4, 5)', () => {
  const base = sampleLedger();
  const extended = appendRotation(base, { oldKey: key(3), newKey: key(4), status: 'completed', actor: ACTOR, reason: 'q', now: day(300), files: [], backupPaths: [] });

  it('accepts the same ledger and one that extends it', () => {
    expect(ledgerExtends(base, base, labels)).toEqual([]);
    expect(ledgerExtends(base, extended, labels)).toEqual([]);
    expect(checkAgainstAnchor(extended, anchorOf(base), labels.file)).toBeUndefined();
  });

  it('refuses a replaced genesis (a fresh ledger under another key, same project id) that verifies on its own', () => {
    const forged = createGenesis({ key: key(7), projectId: PROJECT_ID, environment: 'default', actor: ACTOR, now: T0 });
    expect(verifyLedger(forged).valid).toBe(true);
    expect(ledgerExtends(base, forged, labels)).toMatchObject([{ code: 'anchor', entry: 0, message: expect.stringContaining('the ledger was replaced') }]);
    expect(checkAgainstAnchor(forged, anchorOf(base), labels.file)).toMatchObject({ code: 'anchor', message: expect.stringContaining('different genesis'), hint: expect.stringContaining('envguard verify --trust-ledger') });
  });

  it('refuses a dropped tail (the failed attempt deleted) that verifies on its own', () => {
    const withFailed = appendRotation(base, { oldKey: key(3), newKey: key(8), status: 'failed', actor: ACTOR, reason: 'q', now: day(300), files: [], backupPaths: [] });
    expect(verifyLedger(base).valid).toBe(true);
    expect(ledgerExtends(withFailed, base, labels)).toMatchObject([{ code: 'anchor', message: expect.stringContaining('entries were dropped') }]);
    expect(checkAgainstAnchor(base, anchorOf(withFailed), labels.file)?.message).toContain('fewer than the 5 this machine has seen');
  });

  it('refuses a rewritten entry, even one re-signed so that the chain verifies', () => {
    const rewritten = clone(extended);
    rewritten.entries[4]!.reason = 'other';
    expect(ledgerExtends(extended, rewritten, labels)).toMatchObject([{ code: 'anchor', entry: 4, message: expect.stringContaining('rewritten') }]);
    expect(checkAgainstAnchor(rewritten, anchorOf(extended), labels.file)).toMatchObject({ entry: 4 });
  });
});
