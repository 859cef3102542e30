import { afterEach, describe, expect, it } from 'vitest';
import { shortKeyId } from '../../src/core/key.js';
import { defaultContext } from '../../src/ops/context.js';
import { describeKeyChange } from '../../src/ops/support/key-change.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { key, sampleLedger } from '../core/ledger/fixtures.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

describe('describeKeyChange', () => {
  it('says who rotated, when and why, from the ledger', () => {
    repo = createTempRepo();
    repo.write('.env.ledger.json', JSON.stringify(sampleLedger()));
    const change = describeKeyChange(defaultContext({ cwd: repo.dir, env: repo.env }), '.env', shortKeyId(key(3)));
    expect(change.message).toBe(`the key changed: .env.encrypted is now under key ${shortKeyId(key(3))} (rotated by Ada Lovelace <ada@example.com> on 2025-07-01: quarterly rotation 181), which this machine does not have`);
    expect(change.hint).toContain('envguard key import');
  });

  it('still explains without a ledger, or for a key the ledger does not know', () => {
    repo = createTempRepo();
    const ctx = defaultContext({ cwd: repo.dir, env: repo.env });
    expect(describeKeyChange(ctx, '.env.production', 'abcdef0123456789').message).toBe('the key changed: .env.production.encrypted is now under key abcdef0123456789, which this machine does not have');
    repo.write('.env.ledger.json', JSON.stringify(sampleLedger()));
    expect(describeKeyChange(ctx, '.env', shortKeyId(key(9))).message).not.toContain('rotated by');
  });
});
