import { createCipheriv, createDecipheriv, createHmac, createPrivateKey, createPublicKey, diffieHellman, hkdfSync } from 'node:crypto';

/**
 * The four primitives age v1 is built from (age.md, "Conventions"), on node:crypto only:
 * X25519 (RFC 7748), HKDF-SHA256 (RFC 5869), ChaCha20-Poly1305 (RFC 8439) and HMAC-SHA256.
 */

/** DER wrappers that let node:crypto import raw 32-byte X25519 keys (RFC 8410). */
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const X25519_SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
const BASEPOINT = Buffer.concat([Buffer.from([9]), Buffer.alloc(31)]);

/** Length of ChaCha20-Poly1305's tag. */
export const TAG_SIZE = 16;

/**
 * X25519(scalar, u). Returns undefined for the all-zero output (a low-order or identity share),
 * which age requires implementations to reject. The scalar is clamped by X25519 itself.
 */
export function x25519(scalar: Uint8Array, u: Uint8Array): Buffer | undefined {
  if (scalar.length !== 32 || u.length !== 32) throw new RangeError('X25519 takes 32-byte inputs');
  const privateKey = createPrivateKey({ key: Buffer.concat([X25519_PKCS8_PREFIX, scalar]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey({ key: Buffer.concat([X25519_SPKI_PREFIX, u]), format: 'der', type: 'spki' });
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey, publicKey });
  } catch {
    return undefined; // OpenSSL refuses to return the all-zero secret
  }
  return shared.every((byte) => byte === 0) ? undefined : shared;
}

/** The X25519 public key of a scalar. */
export function x25519Base(scalar: Uint8Array): Buffer {
  const result = x25519(scalar, BASEPOINT);
  if (!result) throw new RangeError('X25519 base-point multiplication gave zero');
  return result;
}

/** HKDF-SHA256 with a string label as info. */
export function hkdf(ikm: Uint8Array, salt: Uint8Array, info: string, length = 32): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from(info, 'utf8'), length));
}

/** HMAC-SHA256. */
export function hmac(key: Uint8Array, message: Uint8Array): Buffer {
  return createHmac('sha256', key).update(message).digest();
}

/** ChaCha20-Poly1305 seal with no associated data; returns ciphertext || tag. */
export function seal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array): Buffer {
  const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_SIZE });
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** ChaCha20-Poly1305 open; undefined when the tag does not verify (no partial plaintext escapes). */
export function open(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Buffer | undefined {
  if (sealed.length < TAG_SIZE) return undefined;
  const decipher = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_SIZE });
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_SIZE));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_SIZE)), decipher.final()]);
  } catch {
    return undefined;
  }
}
