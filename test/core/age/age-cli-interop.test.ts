import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ageDecrypt, ageEncrypt, formatIdentityFile, parseIdentities, parseRecipient, x25519Identity } from '../../../src/core/age/index.js';

/**
 * Interop with Debian's age CLI and OpenSSH's ssh-keygen (installed by .ci/run). Without the
 * binaries these proofs cannot run: that is said out loud, and in CI it is an error.
 */
function has(binary: string): boolean {
  return spawnSync(binary, ['--help'], { encoding: 'utf8' }).error === undefined;
}
const missing = ['age', 'age-keygen', 'ssh-keygen'].filter((binary) => !has(binary));
if (missing.length > 0 && process.env.CI) throw new Error(`interop tests need ${missing.join(', ')} in CI (.ci/run installs them)`);
if (missing.length > 0) console.warn(`age interop tests skipped: ${missing.join(', ')} not installed (apt-get install age openssh-client)`);

function run(command: string, args: string[], input?: Uint8Array): Buffer {
  const result = spawnSync(command, args, { input, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args[0] ?? ''} failed: ${result.stderr.toString('utf8').trim()}`);
  return result.stdout;
}

describe.skipIf(missing.length > 0)(`interop with the age CLI and ssh-keygen${missing.length > 0 ? ` (skipped: ${missing.join(', ')} missing)` : ''}`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'envguard-age-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string) => path.join(dir, name);
  const keyPayload = Buffer.from('x3v8P0zT1QnGJqYcS2yZ4s9m3Tq6r9mU5pP1aVbC0dE=\n'); // the shape `key export` prints
  const bigPayload = randomBytes(200 * 1024 + 7); // four STREAM chunks, the last one short

  const identity = x25519Identity(randomBytes(32));
  writeFileSync(file('identity.txt'), formatIdentityFile(identity, new Date()), { mode: 0o600 });
  run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'tester', '-f', file('id_ed25519')]);
  const sshIdentity = () => parseIdentities(readFileSync(file('id_ed25519'), 'utf8'), 'id_ed25519');

  it.each([
    ['a key', keyPayload],
    ['200 KiB', bigPayload],
  ])('age -d -i identity.txt opens envguard files (%s)', (_label, payload) => {
    writeFileSync(file('x.age'), ageEncrypt(payload, { recipients: [identity.recipient], random: randomBytes, armored: true }));
    expect(run('age', ['-d', '-i', file('identity.txt'), file('x.age')]).equals(payload)).toBe(true);
    expect(run('age-keygen', ['-y', file('identity.txt')]).toString('utf8').trim()).toBe(identity.recipient.text);
  });

  it.each([
    ['a key', keyPayload],
    ['200 KiB', bigPayload],
  ])('age -d -i id_ed25519 opens envguard files for the ssh key (%s)', (_label, payload) => {
    const recipient = parseRecipient(readFileSync(file('id_ed25519.pub'), 'utf8'));
    expect(recipient.kind).toBe('ssh-ed25519');
    writeFileSync(file('s.age'), ageEncrypt(payload, { recipients: [recipient], random: randomBytes, armored: true }));
    expect(run('age', ['-d', '-i', file('id_ed25519'), file('s.age')]).equals(payload)).toBe(true);
  });

  it('opens files made by `age -r age1… -a`, with an envguard identity and an age-keygen one', () => {
    run('age-keygen', ['-o', file('keygen.txt')]);
    const keygen = parseIdentities(readFileSync(file('keygen.txt'), 'utf8'), 'keygen.txt');
    const keygenRecipient = run('age-keygen', ['-y', file('keygen.txt')]).toString('utf8').trim();
    expect(keygen.map((id) => id.recipient.text)).toEqual([keygenRecipient]);
    for (const [recipient, identities] of [
      [identity.recipient.text, [identity]],
      [keygenRecipient, keygen],
    ] as const) {
      const armored = run('age', ['-r', recipient, '-a'], bigPayload);
      expect(armored.toString('latin1').startsWith('-----BEGIN AGE ENCRYPTED FILE-----')).toBe(true);
      expect(ageDecrypt(armored, [...identities]).equals(bigPayload)).toBe(true);
      expect(ageDecrypt(run('age', ['-r', recipient], keyPayload), [...identities]).equals(keyPayload)).toBe(true);
    }
  });

  it('opens files made by `age -R key.pub` with the ssh private key', () => {
    for (const payload of [keyPayload, bigPayload, Buffer.alloc(0)]) {
      const encrypted = run('age', ['-R', file('id_ed25519.pub'), '-a'], payload);
      expect(ageDecrypt(encrypted, sshIdentity()).equals(payload)).toBe(true);
    }
  });

  it('a file for several recipients opens for each, and for nobody else', () => {
    const other = x25519Identity(randomBytes(32));
    const recipients = [identity.recipient, parseRecipient(readFileSync(file('id_ed25519.pub'), 'utf8'))];
    writeFileSync(file('m.age'), ageEncrypt(keyPayload, { recipients, random: randomBytes, armored: true }));
    expect(run('age', ['-d', '-i', file('identity.txt'), file('m.age')]).equals(keyPayload)).toBe(true);
    expect(run('age', ['-d', '-i', file('id_ed25519'), file('m.age')]).equals(keyPayload)).toBe(true);
    writeFileSync(file('other.txt'), formatIdentityFile(other, new Date()));
    expect(spawnSync('age', ['-d', '-i', file('other.txt'), file('m.age')]).status).not.toBe(0);
  });

  it('refuses a passphrase-protected ssh key with the fix, naming no key material', () => {
    run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'correct horse', '-f', file('id_locked')]);
    const text = readFileSync(file('id_locked'), 'utf8');
    expect(() => parseIdentities(text, 'id_locked')).toThrow(/passphrase/);
    try {
      parseIdentities(text, 'id_locked');
    } catch (error) {
      const shown = `${(error as Error).message} ${(error as { hint?: string }).hint ?? ''}`;
      expect(shown).toContain('ssh-keygen -t ed25519 -N ""');
      for (const line of text.split('\n').filter((l) => l.length > 20)) expect(shown).not.toContain(line.slice(0, 20));
    }
  });
});
