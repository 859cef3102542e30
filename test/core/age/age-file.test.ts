import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AgeError, ageDecrypt, ageEncrypt, armor, dearmor, x25519Identity, type RandomBytes } from '../../../src/core/age/index.js';
import { sshEd25519Identity } from '../../../src/core/age/ssh-ed25519-recipient.js';
import { ed25519PublicToX25519, ed25519SeedToX25519 } from '../../../src/core/age/ed25519-to-x25519.js';
import { x25519Base } from '../../../src/core/age/primitives.js';
import { createPrivateKey, createPublicKey } from 'node:crypto';

/** A deterministic byte source: the same seed gives the same file. */
function seeded(seed: string): RandomBytes {
  let counter = 0;
  return (size) => {
    const out = Buffer.alloc(size);
    for (let filled = 0; filled < size; filled += 32) createHash('sha256').update(`${seed}:${counter++}`).digest().copy(out, filled);
    return out;
  };
}

function ed25519Pair(seed: Buffer): { seed: Buffer; publicKey: Buffer } {
  const key = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
  return { seed, publicKey: Buffer.from(createPublicKey(key).export({ format: 'jwk' }).x as string, 'base64url') };
}

const alice = x25519Identity(seeded('alice')(32));
const bob = x25519Identity(seeded('bob')(32));

describe('age files', () => {
  it('round-trips any payload for X25519 and ssh-ed25519 recipients, armored or not', () => {
    const pair = ed25519Pair(randomBytes(32));
    const ssh = sshEd25519Identity(pair.seed, pair.publicKey);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.boolean(), (payload, armored) => {
        const file = ageEncrypt(payload, { recipients: [alice.recipient, ssh.recipient], random: randomBytes, armored });
        expect(ageDecrypt(file, [alice]).equals(Buffer.from(payload))).toBe(true);
        expect(ageDecrypt(file, [ssh]).equals(Buffer.from(payload))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('is deterministic given the randomness, so encryption itself is testable', () => {
    const a = ageEncrypt(Buffer.from('key\n'), { recipients: [alice.recipient], random: seeded('r'), armored: true });
    const b = ageEncrypt(Buffer.from('key\n'), { recipients: [alice.recipient], random: seeded('r'), armored: true });
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----\n([A-Za-z0-9+/]{64}\n)*[A-Za-z0-9+/=]{1,64}\n-----END AGE ENCRYPTED FILE-----\n$/);
  });

  it('handles chunk boundaries: empty, exactly one chunk, one chunk and a byte', () => {
    for (const size of [0, 1, 65535, 65536, 65537, 131072]) {
      const payload = randomBytes(size);
      expect(ageDecrypt(ageEncrypt(payload, { recipients: [bob.recipient], random: randomBytes }), [bob]).equals(payload)).toBe(true);
    }
  });

  it('says "not for this identity" to someone else', () => {
    const file = ageEncrypt(Buffer.from('k'), { recipients: [alice.recipient], random: randomBytes });
    expect(() => ageDecrypt(file, [bob])).toThrow(expect.objectContaining({ failure: 'no-match', code: 'DECRYPT_FAILED' }));
  });

  it('refuses every single-byte change anywhere in the file, releasing nothing', () => {
    const file = ageEncrypt(Buffer.from('FERNET-KEY-TEXT\n'), { recipients: [alice.recipient, bob.recipient], random: randomBytes });
    fc.assert(
      fc.property(fc.nat(file.length - 1), fc.integer({ min: 1, max: 255 }), (index, delta) => {
        const tampered = Buffer.from(file);
        tampered[index] = (tampered[index]! + delta) % 256;
        expect(() => ageDecrypt(tampered, [alice])).toThrow(AgeError);
      }),
      { numRuns: 300 },
    );
  });

  it('meets any garbage with an AgeError, never a crash (binary, armored, or a damaged header)', () => {
    const file = ageEncrypt(Buffer.from('k\n'), { recipients: [alice.recipient], random: randomBytes, armored: true });
    const header = ageEncrypt(Buffer.from('k\n'), { recipients: [alice.recipient], random: randomBytes }).subarray(0, 120);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(Buffer.alloc(0), Buffer.from('age-encryption.org/v1\n-> '), header, file.subarray(0, 60)), (tail, prefix) => {
        expect(() => ageDecrypt(Buffer.concat([prefix, tail]), [alice])).toThrow(AgeError);
      }),
      { numRuns: 300 },
    );
    // Up to the last dash: dropping only the final newline is allowed (CCTV armor_no_eol).
    for (let cut = 0; cut < file.length - 1; cut += 7) expect(() => ageDecrypt(file.subarray(0, cut), [alice])).toThrow(AgeError);
  });

  it('refuses truncation and appended bytes', () => {
    const file = ageEncrypt(randomBytes(70000), { recipients: [alice.recipient], random: randomBytes });
    for (const cut of [1, 16, 17, 65552]) expect(() => ageDecrypt(file.subarray(0, file.length - cut), [alice])).toThrow(AgeError);
    expect(() => ageDecrypt(Buffer.concat([file, Buffer.from([0])]), [alice])).toThrow(expect.objectContaining({ failure: 'payload' }));
  });

  it('armor round-trips and refuses re-wrapped lines', () => {
    const bytes = randomBytes(500);
    expect(dearmor(Buffer.from(armor(bytes))).equals(bytes)).toBe(true);
    const rewrapped = armor(bytes).replace(/\n(?=[A-Za-z0-9+/])/, '\n\n');
    expect(() => dearmor(Buffer.from(rewrapped))).toThrow(expect.objectContaining({ failure: 'armor' }));
  });

  it('identities never show their secret in JSON or inspection', async () => {
    const { inspect } = await import('node:util');
    const secret = alice.encode();
    expect(JSON.stringify(alice)).not.toContain(secret.slice(15, 40));
    expect(inspect(alice, { showHidden: true, depth: 5 })).not.toMatch(/AGE-SECRET-KEY|secret/i);
  });
});

describe('Ed25519 to X25519', () => {
  it('maps the public key to the X25519 key of the seed (the two conversions agree)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (seed) => {
        const pair = ed25519Pair(Buffer.from(seed));
        expect(ed25519PublicToX25519(pair.publicKey)?.toString('hex')).toBe(x25519Base(ed25519SeedToX25519(pair.seed)).toString('hex'));
      }),
      { numRuns: 50 },
    );
  });

  it('refuses encodings that are not points: y >= p, y = 1, off the curve', () => {
    const p = Buffer.from('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', 'hex');
    expect(ed25519PublicToX25519(p)).toBeUndefined();
    expect(ed25519PublicToX25519(Buffer.concat([Buffer.from([1]), Buffer.alloc(31)]))).toBeUndefined();
    expect(ed25519PublicToX25519(Buffer.concat([Buffer.from([2]), Buffer.alloc(31)]))).toBeUndefined(); // y = 2 is not on the curve
  });
});
