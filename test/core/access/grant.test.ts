import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIdentityFile, x25519Identity } from '../../../src/core/age/index.js';
import {
  buildGrant,
  describeGrantProblem,
  openAccessFile,
  parseGrant,
  serializeGrant,
  sha256Of,
  signGrant,
  verifyGrant,
  wrappedKeyPayload,
  type GrantRecord,
} from '../../../src/core/access/index.js';
import { fingerprint, formatKey, generateKey } from '../../../src/core/key.js';
import { ledgerPublicKey } from '../../../src/core/ledger/signing-key.js';
import { defaultContext } from '../../../src/ops/context.js';
import { exportKey } from '../../../src/ops/key-export-import.js';
import { EnvguardError } from '../../../src/errors.js';

const key = generateKey(randomBytes);
const otherKey = generateKey(randomBytes);
const alice = x25519Identity(randomBytes(32));
const bob = x25519Identity(randomBytes(32));

function grantFor(name = 'Bob <bob@example.com>', overrides: Partial<Parameters<typeof buildGrant>[0]> = {}) {
  return buildGrant({
    envName: 'production',
    key,
    memberName: name,
    recipient: bob.recipient,
    kind: 'person',
    existing: new Map([['alice', 'Alice <alice@example.com>']]),
    grantedBy: { memberId: 'alice', gitActor: 'Alice <alice@example.com>' },
    now: new Date('2026-12-01T18:00:00Z'),
    random: randomBytes,
    ...overrides,
  });
}

const current = { publicKey: ledgerPublicKey(key), fingerprint: fingerprint(key) };

describe('grants', () => {
  it('lays out .envguard/access/<env>/<member-id>.{age,json} and records every field', () => {
    const built = grantFor();
    expect(built.paths).toEqual({ dir: '.envguard/access/production', age: '.envguard/access/production/bob.age', grant: '.envguard/access/production/bob.json' });
    const { signature, ...rest } = built.grant;
    expect(rest).toEqual({
      format: 'envguard-grant/v1',
      env: 'production',
      memberId: 'bob',
      memberName: 'Bob <bob@example.com>',
      recipient: bob.recipient.text,
      kind: 'person',
      keyFingerprint: fingerprint(key),
      ageFileSha256: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      grantedBy: { memberId: 'alice', gitActor: 'Alice <alice@example.com>' },
      grantedAt: '2026-12-01T18:00:00.000Z',
    });
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(built.grantText).toBe(serializeGrant(built.grant));
    expect(built.grantText).not.toContain(key.raw.toString('base64url').slice(0, 12));
    expect(verifyGrant(built.grant, built.ageFile, current.publicKey, current.fingerprint, { envName: 'production', memberId: 'bob' })).toBeUndefined();
  });

  it('wraps exactly what `envguard key export --env <env>` prints', () => {
    const ctx = defaultContext({ cwd: os.tmpdir(), env: { ENVGUARD_KEY_PRODUCTION: formatKey(key) } });
    expect(wrappedKeyPayload(key).toString('utf8')).toBe(exportKey(ctx, { envName: 'production', format: 'text' }));
  });

  it('round-trips through the committed text, strictly', () => {
    const built = grantFor();
    expect(parseGrant(built.grantText)).toEqual({ grant: built.grant });
    expect(parseGrant(built.grantText.replace('"kind": "person"', '"kind": "person", "kind": "ci"'))).toEqual({ reason: expect.stringContaining('duplicate') });
    expect(parseGrant(built.grantText.replace('"kind": "person"', '"kind": "person", "admin": true'))).toEqual({ reason: 'has unknown fields' });
    expect(parseGrant(built.grantText.replace('"kind": "person"', '"kind": "root"'))).toEqual({ reason: expect.stringContaining('kind') });
    expect(parseGrant('[]')).toEqual({ reason: expect.any(String) });
  });

  it('reports a change to any signed field as a bad signature', () => {
    const built = grantFor();
    const changes: Array<Partial<GrantRecord>> = [
      { memberName: 'Mallory' },
      { recipient: alice.recipient.text },
      { kind: 'ci' },
      { grantedBy: { memberId: 'carol', gitActor: 'Alice <alice@example.com>' } },
      { grantedBy: { memberId: 'alice', gitActor: 'Mallory <m@example.com>' } },
      { grantedAt: '2027-01-01T00:00:00.000Z' },
      { env: 'staging' },
      { memberId: 'bobby' },
      { signature: built.grant.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
      { signature: '' },
    ];
    for (const change of changes) {
      expect(verifyGrant({ ...built.grant, ...change }, built.ageFile, current.publicKey, current.fingerprint), JSON.stringify(change)).toEqual({ code: 'bad-signature' });
    }
  });

  it('catches a swapped .age file, an old key, a forged signer and a moved grant', () => {
    const built = grantFor();
    const forAlice = grantFor('Alice <alice@example.com>', { recipient: alice.recipient });
    expect(verifyGrant(built.grant, forAlice.ageFile, current.publicKey, current.fingerprint)).toEqual({ code: 'hash-mismatch' });
    const tampered = Buffer.from(built.ageFile);
    tampered[tampered.length - 40] = (tampered[tampered.length - 40] as number) ^ 1;
    expect(verifyGrant(built.grant, tampered, current.publicKey, current.fingerprint)).toEqual({ code: 'hash-mismatch' });
    // After a rotation the ledger's current key is another one: the old grant is stale.
    expect(verifyGrant(built.grant, built.ageFile, ledgerPublicKey(otherKey), fingerprint(otherKey))).toEqual({ code: 'old-key', keyFingerprint: fingerprint(key) });
    // Someone with another key signs a grant claiming the current fingerprint.
    const forged = grantFor(undefined, { key: otherKey });
    expect(verifyGrant({ ...forged.grant, keyFingerprint: current.fingerprint }, forged.ageFile, current.publicKey, current.fingerprint)).toEqual({ code: 'bad-signature' });
    expect(verifyGrant(built.grant, built.ageFile, current.publicKey, current.fingerprint, { envName: 'production', memberId: 'carol' })).toEqual({ code: 'misplaced' });
    expect(verifyGrant(built.grant, built.ageFile, 'not a key', current.fingerprint)).toEqual({ code: 'bad-signature' });
    for (const code of ['old-key', 'bad-signature', 'hash-mismatch', 'misplaced'] as const) {
      const { message, hint } = describeGrantProblem(code === 'old-key' ? { code, keyFingerprint: 'x' } : { code }, '.envguard/access/production/bob.json');
      expect(`${message} ${hint}`).not.toContain('\n');
      expect(message).toContain('.envguard/access/production/bob');
    }
  });
});

describe('openAccessFile', () => {
  const base = (built: ReturnType<typeof grantFor>, identities = [bob]) => ({
    envName: 'production',
    memberId: built.memberId,
    grantText: built.grantText,
    ageFile: built.ageFile,
    identities,
    ledgerPublicKey: current.publicKey,
    currentFingerprint: current.fingerprint,
  });

  it("opens a member's own file and returns the current key", () => {
    const opened = openAccessFile(base(grantFor()));
    expect(opened && formatKey(opened)).toBe(formatKey(key));
  });

  it('returns undefined for a file that is for someone else', () => {
    expect(openAccessFile(base(grantFor(), [alice]))).toBeUndefined();
  });

  it('refuses, before opening anything, a grant that does not verify', () => {
    const built = grantFor();
    const attempts = [
      { ...base(built), grantText: built.grantText.replace('"kind": "person"', '"kind": "ci"') },
      { ...base(built), ledgerPublicKey: ledgerPublicKey(otherKey), currentFingerprint: fingerprint(otherKey) },
      { ...base(built), ageFile: grantFor().ageFile },
      { ...base(built), memberId: 'carol' },
      { ...base(built), grantText: '{' },
    ];
    for (const attempt of attempts) expect(() => openAccessFile(attempt)).toThrow(expect.objectContaining({ code: 'VERIFY_FAILED' }));
  });

  it('refuses a properly signed grant whose file holds another key (a planted key)', () => {
    // A key holder signs a grant for the current key but wraps a different one.
    const built = grantFor();
    const planted = grantFor(undefined, { key: otherKey });
    const resigned = buildGrant({ envName: 'production', key, memberName: 'Bob <bob@example.com>', recipient: bob.recipient, kind: 'person', existing: new Map(), grantedBy: built.grant.grantedBy, now: new Date(), random: randomBytes });
    const { signature: _s, format: _f, keyFingerprint: _k, ...fields } = resigned.grant;
    const grant = signGrant({ ...fields, ageFileSha256: sha256Of(planted.ageFile) }, key);
    expect(() => openAccessFile({ ...base(built), grantText: serializeGrant(grant), ageFile: planted.ageFile })).toThrow(/holds a key other than the environment's current one/);
  });

  it('never puts key material in its errors', () => {
    const built = grantFor();
    try {
      openAccessFile({ ...base(built), ageFile: Buffer.from(built.ageFile.toString().replace('-----END', 'x-----END')) });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(EnvguardError);
      expect(String((error as Error).message)).not.toContain(formatKey(key).slice(0, 10));
    }
  });
});

const hasAge = spawnSync('age', ['--version']).error === undefined;
describe.skipIf(!hasAge)(`access files and the age CLI${hasAge ? '' : ' (skipped: age not installed)'}`, () => {
  it('`age -d -i identity.txt <member>.age` prints the key export line', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'envguard-access-'));
    try {
      const built = grantFor();
      writeFileSync(path.join(dir, 'identity.txt'), formatIdentityFile(bob, new Date()), { mode: 0o600 });
      writeFileSync(path.join(dir, 'bob.age'), built.ageFile);
      const out = spawnSync('age', ['-d', '-i', path.join(dir, 'identity.txt'), path.join(dir, 'bob.age')], { encoding: 'utf8' });
      expect(out.stdout).toBe(`${formatKey(key)}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
