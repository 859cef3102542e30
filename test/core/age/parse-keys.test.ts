import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatIdentityFile, parseIdentities, parseRecipient, x25519Identity } from '../../../src/core/age/index.js';
import { sshString } from '../../../src/core/age/ssh-wire.js';
import { EnvguardError } from '../../../src/errors.js';

function shown(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EnvguardError);
    const e = error as EnvguardError;
    expect(e.message).not.toContain('\n');
    expect(e.hint).toBeTruthy();
    return `${e.message} ${e.hint ?? ''}`;
  }
  throw new Error('expected a refusal');
}

/** An OpenSSH key file around a given key type and cipher, enough to reach the type checks. */
function opensshFile(type: string, cipher = 'none'): string {
  const publicBlob = Buffer.concat([sshString(type), sshString(randomBytes(32))]);
  const blob = Buffer.concat([Buffer.from('openssh-key-v1\0'), sshString(cipher), sshString(cipher === 'none' ? 'none' : 'bcrypt'), sshString(''), Buffer.from([0, 0, 0, 1]), sshString(publicBlob), sshString(randomBytes(64))]);
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${blob.toString('base64').replace(/(.{70})/g, '$1\n')}\n-----END OPENSSH PRIVATE KEY-----\n`;
}

describe('parseRecipient', () => {
  const identity = x25519Identity(randomBytes(32));

  it('accepts age1… and ssh-ed25519 lines with or without a comment', () => {
    expect(parseRecipient(`  ${identity.recipient.text}\n`).text).toBe(identity.recipient.text);
  });

  it.each([
    ['a bad checksum', () => identity.recipient.text.slice(0, -1) + (identity.recipient.text.endsWith('q') ? 'p' : 'q'), /not a valid age recipient/],
    ['an upper-case recipient', () => identity.recipient.text.toUpperCase(), /not a valid age recipient/],
    ['a truncated ssh key', () => 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB', /not a valid ssh-ed25519/],
    ['an rsa key', () => 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ me@host', /ssh-ed25519 keys only/],
    ['a security key', () => 'sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29t me', /hardware security keys/],
    ['a post-quantum recipient', () => 'age1pq1' + 'q'.repeat(60), /post-quantum/],
    ['garbage with control characters', () => 'hello\x1b[2Jworld', /not a valid recipient/],
  ])('refuses %s in one line with the fix', (_label, input, pattern) => {
    const text = shown(() => parseRecipient(input()));
    expect(text).toMatch(pattern);
    expect(text).toContain('envguard access id');
    expect(text).not.toContain('\x1b');
  });

  it('never echoes what was pasted (it is often a secret)', () => {
    const fernetKey = randomBytes(32).toString('base64url') + '=';
    const text = shown(() => parseRecipient(fernetKey));
    expect(text).toMatch(/not a valid recipient/);
    for (let i = 0; i + 6 <= fernetKey.length; i += 3) expect(text).not.toContain(fernetKey.slice(i, i + 6));
  });

  it('refuses a pasted secret identity without echoing any of it', () => {
    const secret = identity.encode();
    const text = shown(() => parseRecipient(secret));
    expect(text).toMatch(/secret identity, not a recipient/);
    expect(text).not.toContain(secret.slice(16, 26));
    expect(text).not.toContain(secret.slice(-10));
  });
});

describe('parseIdentities', () => {
  it("reads age-keygen's file format", () => {
    const identity = x25519Identity(randomBytes(32));
    const file = formatIdentityFile(identity, new Date('2026-12-01T18:00:00.123Z'));
    expect(file).toMatch(/^# created: 2026-12-01T18:00:00Z\n# public key: age1[a-z0-9]{58}\nAGE-SECRET-KEY-1[A-Z0-9]{58}\n$/);
    expect(parseIdentities(file, 'identity.txt').map((id) => id.recipient.text)).toEqual([identity.recipient.text]);
    expect(parseIdentities(file.replace(/\n/g, '\r\n'), 'identity.txt')).toHaveLength(1);
  });

  it('refuses damaged identities naming the line, never its content', () => {
    const secret = x25519Identity(randomBytes(32)).encode();
    const damaged = secret.slice(0, -1) + (secret.endsWith('Q') ? 'P' : 'Q');
    expect(shown(() => parseIdentities('AGE-SECRET-KEY-PQ-1HZLGZUPT4ETPKDEV8HSGFDCYZ4E522W0A7PU2LHT8EH9W6YLNC3SW78XKG\n', 'pq.txt'))).toMatch(/post-quantum.*age-keygen -o/);
    for (const text of [`# c\n${damaged}\n`, `${secret.toLowerCase()}\n`, `${secret}x\n`, `# only comments\n`, `${secret.slice(0, 30)}\n`]) {
      const message = shown(() => parseIdentities(text, 'identity.txt'));
      expect(message).toContain('identity.txt');
      for (let i = 16; i + 8 <= secret.length; i += 4) expect(message.toUpperCase()).not.toContain(secret.slice(i, i + 8));
    }
  });

  it('refuses sk-ssh-ed25519 and passphrase-protected OpenSSH keys with the fix', () => {
    expect(shown(() => parseIdentities(opensshFile('sk-ssh-ed25519@openssh.com'), '~/.ssh/id_ed25519_sk'))).toMatch(/hardware security key.*ssh-keygen -t ed25519/);
    expect(shown(() => parseIdentities(opensshFile('ssh-ed25519', 'aes256-ctr'), '~/.ssh/id_ed25519'))).toMatch(/passphrase.*-N ""/);
    expect(shown(() => parseIdentities(opensshFile('ssh-rsa'), '~/.ssh/id_rsa'))).toMatch(/ssh-ed25519 keys only/);
    expect(shown(() => parseIdentities(opensshFile('ssh-ed25519'), '~/.ssh/id_ed25519'))).toMatch(/not a readable OpenSSH private key/);
  });
});
