import { createHash } from 'node:crypto';

/**
 * Converting Ed25519 keys to X25519 ones, as age's ssh-ed25519 type does (age.md, and RFC 7748
 * section 4.1 for the birational map). node:crypto has no such conversion, but it is small: the
 * Montgomery u of an Edwards point is (1 + y) / (1 - y) mod p, and the X25519 scalar of an
 * Ed25519 seed is the first half of SHA-512(seed) (RFC 8032 section 5.1.5; X25519 clamps it).
 */
const P = 2n ** 255n - 19n;
/**
 * d = -121665/121666 mod p (RFC 8032 section 5.1), written out: computing it at import took a
 * 255-step modular exponentiation in every hook that loads this module. A test checks it.
 */
export const D = 37095705934669439343138083508754565189542113879843219016388785533085940283555n;

function mod(a: bigint): bigint {
  const r = a % P;
  return r < 0n ? r + P : r;
}

function modPow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
  }
  return result;
}

function modInverse(a: bigint): bigint {
  return modPow(a, P - 2n); // Fermat: p is prime
}

function littleEndian(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i] as number);
  return n;
}

function toLittleEndian(n: bigint): Buffer {
  const out = Buffer.alloc(32);
  for (let i = 0; i < 32; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn);
  return out;
}

/** Whether y is the y-coordinate of a point on edwards25519: (y² - 1) / (d·y² + 1) must be a square. */
function isOnCurve(y: bigint): boolean {
  const y2 = (y * y) % P;
  const x2 = mod((y2 - 1n) * modInverse(mod(D * y2 + 1n)));
  if (x2 === 0n) return true;
  return modPow(x2, (P - 1n) / 2n) === 1n; // Euler's criterion
}

/**
 * The X25519 public key for an Ed25519 public key, or undefined when the bytes are not a valid
 * point encoding (non-canonical y, or not on the curve), or give u = 0 or y = 1 (no Montgomery image).
 */
export function ed25519PublicToX25519(publicKey: Uint8Array): Buffer | undefined {
  if (publicKey.length !== 32) return undefined;
  const y = littleEndian(publicKey) & ((1n << 255n) - 1n); // the top bit is x's sign
  if (y >= P || y === 1n || !isOnCurve(y)) return undefined;
  return toLittleEndian(mod((1n + y) * modInverse(mod(1n - y))));
}

/** The X25519 scalar for an Ed25519 seed. */
export function ed25519SeedToX25519(seed: Uint8Array): Buffer {
  return createHash('sha512').update(seed).digest().subarray(0, 32);
}
