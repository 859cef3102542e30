import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ledgerPublicKey, ledgerSigner, verifySignature } from '../../../src/core/ledger/index.js';
import { key } from './fixtures.js';

/**
 * The ledger's Ed25519 keys. Verification is handed untrusted files: every malformed key or
 * signature is "not valid", never an exception, and no other encoding of the same bytes passes.
 */
describe('ledger signing keys', () => {
  const message = Buffer.from('entry bytes');
  const signer = ledgerSigner(key(1));
  const signature = signer.sign(message);

  it('derives one key pair per Fernet key, whose signatures verify', () => {
    expect(ledgerPublicKey(key(1))).toBe(signer.publicKey);
    expect(ledgerPublicKey(key(2))).not.toBe(signer.publicKey);
    expect(signer.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(verifySignature(signer.publicKey, message, signature)).toBe(true);
    expect(verifySignature(signer.publicKey, Buffer.from('other bytes'), signature)).toBe(false);
    expect(verifySignature(ledgerPublicKey(key(2)), message, signature)).toBe(false);
  });

  it('agrees with an Ed25519 signature made by node:crypto directly', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const x = publicKey.export({ format: 'jwk' }).x as string;
    expect(verifySignature(x, message, sign(null, message, privateKey).toString('base64url'))).toBe(true);
  });

  it('treats a malformed public key as not valid', () => {
    // Non-canonical: the last character differs only in bits base64 leaves unused (same 32 bytes).
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = signer.publicKey.at(-1) as string;
    const twin = `${signer.publicKey.slice(0, -1)}${alphabet[alphabet.indexOf(last) ^ 1]}`;
    expect(Buffer.from(twin, 'base64url').equals(Buffer.from(signer.publicKey, 'base64url'))).toBe(true);
    for (const bad of ['', 'short', signer.publicKey.slice(0, 42), `${signer.publicKey}A`, `${signer.publicKey}=`, twin, `+${signer.publicKey.slice(1)}`]) {
      expect(verifySignature(bad, message, signature), bad).toBe(false);
    }
  });

  it('treats a malformed signature as not valid', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = signature.at(-1) as string;
    const twin = `${signature.slice(0, -1)}${alphabet[alphabet.indexOf(last) ^ 1]}`;
    expect(Buffer.from(twin, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
    for (const bad of ['', signature.slice(0, 85), `${signature}AA`, `${signature}==`, twin, Buffer.alloc(64).toString('base64url')]) {
      expect(verifySignature(signer.publicKey, message, bad), bad).toBe(false);
    }
  });
});
