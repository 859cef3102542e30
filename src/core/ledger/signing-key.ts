import { createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';
import type { FernetKey } from '../key.js';

/**
 * The ledger's Ed25519 signing key, derived from the environment's Fernet key with HKDF-SHA256
 * (RFC 5869). Whoever holds the Fernet key can sign; anyone can verify with the public key the
 * entry carries. The fixed salt and info separate this use of the key bytes from Fernet's own,
 * so a signature never says anything about the encryption key beyond "its holder signed this".
 */
const HKDF_SALT = Buffer.from('envguard ledger v1', 'utf8');
const HKDF_INFO = Buffer.from('envguard ledger signing key v1', 'utf8');

/** PKCS#8 DER header for a raw Ed25519 seed (RFC 8410): node:crypto imports seeds only this way. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface LedgerSigner {
  /** base64url of the raw 32-byte public key (what entries carry). */
  publicKey: string;
  /** Signs bytes; returns base64url of the 64-byte signature. */
  sign(message: Uint8Array): string;
}

/** Derives the signing key pair for a Fernet key. Deterministic: the same key always gives the same pair. */
export function ledgerSigner(key: FernetKey): LedgerSigner {
  const seed = Buffer.from(hkdfSync('sha256', key.raw, HKDF_SALT, HKDF_INFO, 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  seed.fill(0);
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('Ed25519 public key export returned no x coordinate');
  return {
    publicKey: jwk.x,
    sign: (message) => sign(null, message, privateKey).toString('base64url'),
  };
}

/** The public key the ledger would record for a Fernet key. */
export function ledgerPublicKey(key: FernetKey): string {
  return ledgerSigner(key).publicKey;
}

/**
 * Verifies an Ed25519 signature given the base64url public key and signature. Any malformed
 * input is simply "not valid": verification is handed untrusted files.
 */
export function verifySignature(publicKey: string, message: Uint8Array, signature: string): boolean {
  let key: KeyObject;
  try {
    const raw = Buffer.from(publicKey, 'base64url');
    if (raw.length !== 32 || raw.toString('base64url') !== publicKey) return false;
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
  } catch {
    return false;
  }
  const bytes = Buffer.from(signature, 'base64url');
  if (bytes.length !== 64 || bytes.toString('base64url') !== signature) return false;
  try {
    return verify(null, message, key, bytes);
  } catch {
    return false;
  }
}
