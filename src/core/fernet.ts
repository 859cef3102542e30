import { createCipheriv, createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';
import { EnvguardError } from '../errors.js';
import type { FernetKey } from './key.js';

/**
 * Fernet tokens on node:crypto, following https://github.com/fernet/spec/blob/master/Spec.md:
 *   Version (0x80) ‖ Timestamp (64-bit big-endian seconds) ‖ IV (16) ‖ AES-128-CBC ciphertext ‖ HMAC-SHA256 (32)
 * encoded as base64url with padding. Interoperates with Python's `cryptography.fernet.Fernet`.
 */

const VERSION = 0x80;
const HEADER_LENGTH = 1 + 8 + 16;
const HMAC_LENGTH = 32;
const BLOCK = 16;
/** Python's `_MAX_CLOCK_SKEW`: a token from up to 60 s in the future is accepted. */
const MAX_CLOCK_SKEW_SECONDS = 60;
const BASE64URL_PADDED = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}==|[A-Za-z0-9_-]{3}=)?$/;

export interface EncryptOptions {
  /** Seconds since the epoch written into the token. */
  now: number;
  /** 16 bytes; random in production, fixed for the spec's test vectors. */
  iv: Buffer;
}

export interface DecryptOptions {
  /** When set, tokens older than `ttlSeconds` or from the far future are refused. */
  ttlSeconds?: number;
  /** Seconds since the epoch; needed only with `ttlSeconds`. */
  now?: number;
}

export interface DecodedToken {
  plaintext: Buffer;
  /** The token's creation time, seconds since the epoch. */
  timestamp: number;
}

/** Encrypts bytes into a Fernet token. */
export function encryptToken(key: FernetKey, plaintext: Uint8Array, options: EncryptOptions): string {
  if (options.iv.length !== BLOCK) throw new RangeError('Fernet IV must be 16 bytes');
  const cipher = createCipheriv('aes-128-cbc', key.encryptionKey, options.iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const header = Buffer.alloc(HEADER_LENGTH);
  header[0] = VERSION;
  header.writeBigUInt64BE(BigInt(Math.floor(options.now)), 1);
  options.iv.copy(header, 9);
  const signed = Buffer.concat([header, ciphertext]);
  const mac = createHmac('sha256', key.signingKey).update(signed).digest();
  return Buffer.concat([signed, mac]).toString('base64url') + padding(signed.length + HMAC_LENGTH);
}

/**
 * Verifies and decrypts a token. Every failure is the same error: which check failed
 * (encoding, MAC, padding, age) is not revealed to the caller.
 */
export function decryptToken(key: FernetKey, token: string, options: DecryptOptions = {}): DecodedToken {
  const data = decodeCanonical(token);
  if (data === undefined || data.length < HEADER_LENGTH + BLOCK + HMAC_LENGTH || data[0] !== VERSION) throw invalidToken();
  if ((data.length - HEADER_LENGTH - HMAC_LENGTH) % BLOCK !== 0) throw invalidToken();

  const signed = data.subarray(0, data.length - HMAC_LENGTH);
  const expected = createHmac('sha256', key.signingKey).update(signed).digest();
  if (!timingSafeEqual(expected, data.subarray(data.length - HMAC_LENGTH))) throw invalidToken();

  const timestamp = Number(data.readBigUInt64BE(1));
  if (options.ttlSeconds !== undefined) {
    const now = options.now ?? Number.NaN;
    if (!(timestamp + options.ttlSeconds >= now) || now + MAX_CLOCK_SKEW_SECONDS < timestamp) throw invalidToken();
  }

  const iv = data.subarray(9, HEADER_LENGTH);
  try {
    const decipher = createDecipheriv('aes-128-cbc', key.encryptionKey, iv);
    const plaintext = Buffer.concat([decipher.update(data.subarray(HEADER_LENGTH, data.length - HMAC_LENGTH)), decipher.final()]);
    return { plaintext, timestamp };
  } catch {
    throw invalidToken();
  }
}

/** Reads a token's timestamp without a key (it is not secret: the spec leaves it in the clear). */
export function tokenTimestamp(token: string): number | undefined {
  const data = decodeCanonical(token);
  if (data === undefined || data.length < HEADER_LENGTH || data[0] !== VERSION) return undefined;
  return Number(data.readBigUInt64BE(1));
}

/** True when the text has the shape of a Fernet token (cheap; does not verify it). */
export function looksLikeToken(text: string): boolean {
  return text.startsWith('gAAAAA') && text.length >= 100 && BASE64URL_PADDED.test(text);
}

/**
 * Decodes base64url strictly: Node's decoder skips stray characters and ignores unused
 * trailing bits, which would let an edited token decode to the same bytes.
 */
function decodeCanonical(token: string): Buffer | undefined {
  if (token.length === 0 || token.length % 4 !== 0 || !BASE64URL_PADDED.test(token)) return undefined;
  const data = Buffer.from(token, 'base64url');
  if (data.toString('base64url') + padding(data.length) !== token) return undefined;
  return data;
}

function padding(byteLength: number): string {
  const remainder = byteLength % 3;
  return remainder === 0 ? '' : remainder === 1 ? '==' : '=';
}

function invalidToken(): EnvguardError {
  return new EnvguardError('DECRYPT_FAILED', 'the token is invalid or was encrypted with a different key', {
    hint: 'check that you have the current key (`envguard status`), or restore the file from git',
  });
}
