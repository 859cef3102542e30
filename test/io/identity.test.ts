import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ageDecrypt, ageEncrypt, formatIdentityFile, x25519Identity } from '../../src/core/age/index.js';
import { ensureIdentity, findIdentities, identityPath, type IdentityContext } from '../../src/io/identity.js';
import { EnvguardError } from '../../src/errors.js';
import { createFileExclusive } from '../../src/io/create-exclusive.js';

let dir: string;
let warnings: string[];
const hasSshKeygen = spawnSync('ssh-keygen', ['-?']).error === undefined;

function context(env: NodeJS.ProcessEnv = {}): IdentityContext {
  return { env: { ENVGUARD_HOME: path.join(dir, 'home'), ...env }, now: () => new Date('2026-12-01T18:00:00Z'), random: randomBytes, log: { warn: (m) => warnings.push(m) }, sshKeyPaths: [path.join(dir, 'id_ed25519')] };
}

function refusal(fn: () => unknown): EnvguardError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EnvguardError);
    return error as EnvguardError;
  }
  throw new Error('expected a refusal');
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'envguard-identity-'));
  warnings = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('machine identity', () => {
  it('creates identity.txt once, 0600, in age-keygen format, and then keeps it', () => {
    const ctx = context();
    expect(findIdentities(ctx)).toBeUndefined();
    const first = ensureIdentity(ctx);
    expect(first.created).toBe(true);
    const file = identityPath(ctx.env);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(`# created: 2026-12-01T18:00:00Z\n# public key: ${first.recipient.text}\n${text.split('\n')[2]}\n`);
    const second = ensureIdentity(ctx);
    expect([second.created, second.recipient.text]).toEqual([false, first.recipient.text]);
    const found = findIdentities(ctx)!;
    const file2 = ageEncrypt(Buffer.from('k\n'), { recipients: [first.recipient], random: randomBytes });
    expect(ageDecrypt(file2, found.identities).toString()).toBe('k\n');
  });

  it('prefers ENVGUARD_IDENTITY, then ENVGUARD_IDENTITY_FILE, and creates nothing for them', () => {
    const inline = x25519Identity(randomBytes(32));
    const fromFile = x25519Identity(randomBytes(32));
    writeFileSync(path.join(dir, 'ci.txt'), formatIdentityFile(fromFile, new Date()), { mode: 0o600 });
    expect(ensureIdentity(context({ ENVGUARD_IDENTITY: inline.encode(), ENVGUARD_IDENTITY_FILE: path.join(dir, 'ci.txt') })).recipient.text).toBe(inline.recipient.text);
    expect(ensureIdentity(context({ ENVGUARD_IDENTITY_FILE: path.join(dir, 'ci.txt') })).recipient.text).toBe(fromFile.recipient.text);
    expect(findIdentities(context({ ENVGUARD_IDENTITY: inline.encode() }))!.sources).toEqual(['ENVGUARD_IDENTITY']);
    expect(() => statSync(identityPath(context().env))).toThrow();
  });

  it('warns about and fixes an identity file readable by others', () => {
    const ctx = context();
    ensureIdentity(ctx);
    chmodSync(identityPath(ctx.env), 0o644);
    findIdentities(ctx);
    expect(statSync(identityPath(ctx.env)).mode & 0o777).toBe(0o600);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/readable by others \(mode 0644\); changed it to 0600/);
  });

  it('refuses bad identities in one line with the fix and no key material', () => {
    const secret = x25519Identity(randomBytes(32)).encode();
    const typo = secret.slice(0, 20) + (secret[20] === 'Q' ? 'P' : 'Q') + secret.slice(21);
    writeFileSync(path.join(dir, 'bad.txt'), `# public key: age1xyz\n${typo}\n`, { mode: 0o600 });
    const cases = [
      refusal(() => ensureIdentity(context({ ENVGUARD_IDENTITY: typo }))),
      refusal(() => findIdentities(context({ ENVGUARD_IDENTITY_FILE: path.join(dir, 'bad.txt') }))),
      refusal(() => findIdentities(context({ ENVGUARD_IDENTITY_FILE: path.join(dir, 'missing.txt') }))),
    ];
    expect(cases.map((e) => e.code)).toEqual(['KEY_INVALID', 'KEY_INVALID', 'NOT_FOUND']);
    for (const error of cases) {
      const shown = `${error.message}\n${error.hint ?? ''}\n${String(error.cause ?? '')}`;
      expect(error.message).not.toContain('\n');
      expect(error.hint).toMatch(/ENVGUARD_IDENTITY|age-keygen/);
      for (let i = 16; i + 6 <= secret.length; i += 3) expect(shown.toUpperCase()).not.toContain(typo.slice(i, i + 6));
    }
  });

  it.skipIf(!hasSshKeygen)('opens with an unencrypted ~/.ssh/id_ed25519, notes a passphrase-protected one, refuses it when named', () => {
    spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, 'id_ed25519')]);
    const found = findIdentities(context())!;
    expect(found.identities.map((id) => id.kind)).toEqual(['ssh-ed25519']);
    expect(found.identities[0]!.recipient.text).toBe(readFileSync(path.join(dir, 'id_ed25519.pub'), 'utf8').split(' ').slice(0, 2).join(' '));
    expect(ensureIdentity(context()).recipient.kind).toBe('x25519'); // the ssh key is an opener, never the machine's recipient
    expect(findIdentities(context())!.identities.map((id) => id.kind)).toEqual(['x25519', 'ssh-ed25519']);

    rmSync(path.join(dir, 'id_ed25519'));
    spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'pass phrase', '-f', path.join(dir, 'id_ed25519')]);
    expect(findIdentities(context())!.skipped).toEqual([expect.stringMatching(/passphrase/)]);
    const named = refusal(() => findIdentities(context({ ENVGUARD_IDENTITY_FILE: path.join(dir, 'id_ed25519') })));
    expect(named.message).toMatch(/protected by a passphrase/);
    expect(named.hint).toContain('ssh-keygen -t ed25519 -N ""');
  });

  it('never replaces an identity another process created first (link, not rename)', () => {
    const file = path.join(dir, 'identity.txt');
    expect(createFileExclusive(file, 'first\n', 0o600)).toBe(true);
    expect(createFileExclusive(file, 'second\n', 0o600)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('first\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(spawnSync('ls', ['-a', dir], { encoding: 'utf8' }).stdout).not.toMatch(/\.tmp/);
  });
});
