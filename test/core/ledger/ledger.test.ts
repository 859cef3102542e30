import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/core/key.js';
import {
  appendRotation,
  createGenesis,
  currentKeyFingerprint,
  daysUntilDue,
  entryForKey,
  entryHash,
  lastRotation,
  lastRotationAttempt,
  ledgerPublicKey,
  nextRotationDue,
  verifyLedger,
  verifySignature,
  signingBytes,
} from '../../../src/core/ledger/index.js';
import { ACTOR, clone, day, key, PROJECT_ID, sampleLedger, T0 } from './fixtures.js';

describe('ledger creation and queries', () => {
  it('creates a genesis entry signed by its key, in the shape other commands rely on', () => {
    const ledger = createGenesis({ key: key(1), projectId: PROJECT_ID, environment: 'production', actor: ACTOR, now: T0, rotationDays: 30 });
    expect(ledger).toMatchObject({ version: 1, projectId: PROJECT_ID, environment: 'production' });
    const [genesis] = ledger.entries;
    expect(genesis).toMatchObject({
      seq: 0,
      type: 'genesis',
      time: T0.toISOString(),
      actor: ACTOR,
      projectId: PROJECT_ID,
      environment: 'production',
      newKeyFingerprint: fingerprint(key(1)),
      newPublicKey: ledgerPublicKey(key(1)),
      nextRotationDue: day(30).toISOString(),
      prevHash: null,
    });
    expect(genesis?.signatures).toEqual([{ role: 'new', publicKey: ledgerPublicKey(key(1)), signature: expect.stringMatching(/^[A-Za-z0-9_-]{86}$/) }]);
    expect(verifyLedger(ledger)).toMatchObject({ valid: true, entries: 1, problems: [] });
  });

  it('derives a distinct, deterministic Ed25519 key per Fernet key', () => {
    expect(ledgerPublicKey(key(1))).toBe(ledgerPublicKey(key(1)));
    expect(ledgerPublicKey(key(1))).not.toBe(ledgerPublicKey(key(2)));
    expect(Buffer.from(ledgerPublicKey(key(1)), 'base64url')).toHaveLength(32);
  });

  it('round-trips through JSON text and verifies, with the current key from the last completed rotation', () => {
    const ledger = sampleLedger();
    const reread = JSON.parse(JSON.stringify(ledger, null, 2)) as unknown;
    const report = verifyLedger(reread);
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.currentKeyFingerprint).toBe(fingerprint(key(3)));
    expect(report.headHash).toBe(entryHash(ledger.entries[3]!));
    expect(currentKeyFingerprint(ledger)).toBe(fingerprint(key(3)));
    expect(lastRotation(ledger)?.seq).toBe(3);
    expect(lastRotationAttempt(ledger)?.status).toBe('completed');
    expect(nextRotationDue(ledger)).toBe(day(181 + 90).toISOString());
    expect(daysUntilDue(ledger, day(181))).toBe(90);
    expect(daysUntilDue(ledger, day(272))).toBe(-1);
  });

  it('finds the entry that made a key current, by short id or fingerprint, but not a failed attempt', () => {
    const ledger = sampleLedger();
    expect(entryForKey(ledger, fingerprint(key(3)))?.seq).toBe(3);
    expect(entryForKey(ledger, fingerprint(key(2)).slice(7, 23))?.seq).toBe(1);
    expect(entryForKey(ledger, fingerprint(key(1)).slice(7, 23))?.type).toBe('genesis');
    expect(entryForKey(ledger, fingerprint(key(9)).slice(7, 23))).toBeUndefined();
  });

  it('keeps the old key and its due date in force after a failed attempt', () => {
    const ledger = sampleLedger();
    const upToFailed = { ...ledger, entries: ledger.entries.slice(0, 3) };
    expect(currentKeyFingerprint(upToFailed)).toBe(fingerprint(key(2)));
    expect(upToFailed.entries[2]).toMatchObject({ status: 'failed', nextRotationDue: day(180).toISOString() });
    expect(verifyLedger(upToFailed).valid).toBe(true);
  });

  it('refuses to append a rotation signed by a key that is not current', () => {
    expect(() =>
      appendRotation(sampleLedger(), { oldKey: key(2), newKey: key(4), status: 'completed', actor: ACTOR, reason: 'r', now: day(300), files: [], backupPaths: [] }),
    ).toThrow(/not the ledger's current key/);
  });

  it('signs the canonical JSON of the entry without its signatures', () => {
    const entry = sampleLedger().entries[1]!;
    for (const signature of entry.signatures) expect(verifySignature(signature.publicKey, signingBytes(entry), signature.signature)).toBe(true);
    expect(verifySignature(entry.signatures[0]!.publicKey, Buffer.from('other'), entry.signatures[0]!.signature)).toBe(false);
    expect(verifySignature('not a key', signingBytes(entry), entry.signatures[0]!.signature)).toBe(false);
  });

  it('holds no key material: no Fernet key text or raw key bytes appear in the file', () => {
    const text = JSON.stringify(sampleLedger());
    for (const n of [1, 2, 3, 9]) {
      expect(text).not.toContain(key(n).raw.toString('base64url'));
      expect(text).not.toContain(key(n).raw.toString('hex'));
      expect(text).not.toContain(key(n).raw.toString('base64'));
    }
  });
});

describe('verifyLedger reports precisely', () => {
  it('reports schema errors by JSON path', () => {
    // Edited as untyped JSON, the way a hand-edited file arrives.
    const ledger = clone(sampleLedger()) as unknown as { entries: Array<Record<string, unknown> & { files: Array<Record<string, unknown>>; actor: Record<string, unknown>; signatures: Array<Record<string, unknown>> }> };
    ledger.entries[2]!.files[1]!.verified = 'yes';
    delete ledger.entries[1]!.actor.email;
    ledger.entries[3]!.extra = 1;
    ledger.entries[0]!.signatures[0]!.publicKey = 'short';
    const report = verifyLedger(ledger);
    expect(report.valid).toBe(false);
    const paths = report.problems.map((problem) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(['/entries/2/files/1/verified', '/entries/1/actor/email', '/entries/3/extra', '/entries/0/signatures/0/publicKey']));
    expect(report.problems.every((problem) => problem.code === 'schema')).toBe(true);
    expect(report.problems.find((problem) => problem.path === '/entries/1/actor/email')).toMatchObject({ entry: 1, message: '/entries/1/actor/email is missing' });
  });

  it('reports a non-object file and a wrong version at the top level', () => {
    expect(verifyLedger('[]').problems[0]).toMatchObject({ code: 'schema', path: '', entry: null });
    const wrongVersion = { ...clone(sampleLedger()), version: 2 };
    expect(verifyLedger(wrongVersion).problems).toEqual([expect.objectContaining({ path: '/version', message: '/version must be 1' })]);
  });

  it('rejects a forged rotation signed only by a new key', () => {
    const ledger = sampleLedger();
    // The forger does not hold key(3). They sign with their own key(66) in both roles...
    const forged = appendRotation(
      { ...ledger, entries: [...ledger.entries.slice(0, 3), { ...ledger.entries[3]!, newKeyFingerprint: fingerprint(key(66)), newPublicKey: ledgerPublicKey(key(66)) }] },
      { oldKey: key(66), newKey: key(77), status: 'completed', actor: ACTOR, reason: 'takeover', now: day(400), files: [], backupPaths: [] },
    ).entries[4]!;
    const attempt = { ...clone(ledger), entries: [...clone(ledger).entries, { ...forged, prevHash: entryHash(ledger.entries[3]!) }] };
    const report = verifyLedger(attempt);
    expect(report.valid).toBe(false);
    // Each of the two checks on its own: the old key's fingerprint, and the key that signed as "old".
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'unauthorised', entry: 4, path: '/entries/4/oldKeyFingerprint', message: 'entry 4 rotates from a key that was not current (the key in force came from entry 3)' }),
        expect.objectContaining({ code: 'unauthorised', entry: 4, path: '/entries/4/oldPublicKey' }),
      ]),
    );

    // ...or claim the real old public key but cannot produce its signature.
    const claimed = clone(attempt);
    const entry = claimed.entries[4] as (typeof claimed.entries)[number] & { oldPublicKey: string; oldKeyFingerprint: string };
    entry.oldPublicKey = ledgerPublicKey(key(3));
    entry.oldKeyFingerprint = fingerprint(key(3));
    entry.signatures[0]!.publicKey = ledgerPublicKey(key(3));
    const second = verifyLedger(claimed);
    expect(second.valid).toBe(false);
    expect(second.problems).toContainEqual(expect.objectContaining({ code: 'signature', entry: 4, path: '/entries/4/signatures/0/signature' }));

    // ...or drop the old signature altogether.
    const unsignedOld = clone(attempt);
    unsignedOld.entries[4]!.signatures = [unsignedOld.entries[4]!.signatures[1]!, unsignedOld.entries[4]!.signatures[1]!];
    expect(verifyLedger(unsignedOld).problems).toContainEqual(expect.objectContaining({ code: 'signature', entry: 4, message: expect.stringContaining('exactly one "old" signature') }));
  });

  it('reports an entry removed from the middle by its chain, though every remaining signature holds', () => {
    const ledger = clone(sampleLedger());
    ledger.entries.splice(2, 1);
    const report = verifyLedger(ledger);
    expect(report.valid).toBe(false);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'seq', entry: 2, path: '/entries/2/seq', message: 'entry 2 has seq 3: entries were removed, reordered or duplicated (expected seq 2)' }),
        expect.objectContaining({ code: 'prev-hash', entry: 2, path: '/entries/2/prevHash', message: 'entry 2 prevHash is not the hash of entry 1: an earlier entry was edited, removed or reordered' }),
      ]),
    );
    expect(report.problems.filter((problem) => problem.code === 'signature')).toEqual([]);
  });

  it('refuses a signature made by a key other than the one the entry names, before checking it', () => {
    const ledger = clone(sampleLedger());
    ledger.entries[1]!.signatures[0]!.publicKey = ledgerPublicKey(key(42));
    expect(verifyLedger(ledger).problems).toContainEqual(expect.objectContaining({ code: 'signature', entry: 1, path: '/entries/1/signatures/0/publicKey' }));
  });

  it('detects a fork: two branches each rotated from the same entry and were merged', () => {
    const base = sampleLedger();
    const ours = appendRotation(base, { oldKey: key(3), newKey: key(4), status: 'completed', actor: ACTOR, reason: 'ours', now: day(300), files: [], backupPaths: [] });
    const theirs = appendRotation(base, { oldKey: key(3), newKey: key(5), status: 'completed', actor: { name: 'Bob', email: 'bob@example.com' }, reason: 'theirs', now: day(301), files: [], backupPaths: [] });
    const merged = { ...base, entries: [...ours.entries, theirs.entries[4]!] };
    const report = verifyLedger(merged, { file: '.env.production.ledger.json' });
    expect(report.valid).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'fork', entry: 5, path: '/entries/5/prevHash', message: expect.stringMatching(/entries 4 and 5 both follow entry 3/), hint: expect.stringContaining('git checkout --ours -- .env.production.ledger.json') }),
    ]);
  });

  it('reports a second genesis entry and a header that disagrees with genesis', () => {
    const ledger = clone(sampleLedger());
    ledger.projectId = '0f1d2c3b-4a59-4e68-8f7a-9b0c1d2e3f40';
    expect(verifyLedger(ledger).problems).toContainEqual(expect.objectContaining({ code: 'header', path: '/projectId' }));
    const doubled = clone(sampleLedger());
    doubled.entries.push(clone(doubled.entries[0]!));
    expect(verifyLedger(doubled).problems).toContainEqual(expect.objectContaining({ code: 'genesis', entry: 4 }));
  });
});
