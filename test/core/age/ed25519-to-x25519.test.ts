import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { D, ed25519PublicToX25519, ed25519SeedToX25519 } from '../../../src/core/age/ed25519-to-x25519.js';

const P = 2n ** 255n - 19n;
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const ED25519_PKCS8_PREFIX_LENGTH = 16;

describe('ed25519 to x25519', () => {
  it('writes out d = -121665/121666 mod p', () => {
    expect((D * 121666n + 121665n) % P).toBe(0n);
    expect(D > 0n && D < P).toBe(true);
  });

  it('maps an Ed25519 key pair to the X25519 pair node:crypto derives from the converted scalar', () => {
    for (let i = 0; i < 8; i++) {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(ED25519_PKCS8_PREFIX_LENGTH);
      const edPublic = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
      const scalar = ed25519SeedToX25519(seed);
      const xPrivate = createPrivateKey({ key: Buffer.concat([X25519_PKCS8_PREFIX, scalar]), format: 'der', type: 'pkcs8' });
      const xPublic = createPublicKey(xPrivate).export({ format: 'der', type: 'spki' }).subarray(-32);
      expect(ed25519PublicToX25519(edPublic)?.toString('hex')).toBe(xPublic.toString('hex'));
    }
  });
});
