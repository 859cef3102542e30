import { createHash } from 'node:crypto';
import { EnvguardError } from '../errors.js';

/**
 * A Fernet key: 32 bytes, the first 16 sign (HMAC-SHA256), the last 16 encrypt (AES-128-CBC).
 * https://github.com/fernet/spec/blob/master/Spec.md#key-format
 */
export interface FernetKey {
  readonly signingKey: Buffer;
  readonly encryptionKey: Buffer;
  /** The 32 raw bytes. */
  readonly raw: Buffer;
}

const KEY_TEXT = /^[A-Za-z0-9_-]{43}=$/;

/**
 * Parses the 44-character base64url text form of a key. The message never echoes the input:
 * a mistyped key is still mostly a key.
 */
export function parseKey(text: string, source = 'key'): FernetKey {
  const trimmed = text.trim();
  if (!KEY_TEXT.test(trimmed)) {
    throw new EnvguardError('KEY_INVALID', `${source} is not a valid Fernet key (expected 44 characters of base64url ending in "=")`, {
      hint: 'generate one with `envguard keygen`, or import the team key with `envguard key import`',
    });
  }
  // 43 base64url characters and "=" are always 32 bytes.
  return keyFromBytes(Buffer.from(trimmed, 'base64url'));
}

export function keyFromBytes(raw: Buffer): FernetKey {
  if (raw.length !== 32) throw new EnvguardError('KEY_INVALID', 'a Fernet key is 32 bytes');
  return { raw, signingKey: raw.subarray(0, 16), encryptionKey: raw.subarray(16, 32) };
}

/** Generates a new key from the given random source (injected so tests are deterministic). */
export function generateKey(randomBytes: (size: number) => Buffer): FernetKey {
  return keyFromBytes(Buffer.from(randomBytes(32)));
}

/** The key's text form: base64url with padding, 44 characters, as Python's `Fernet.generate_key()`. */
export function formatKey(key: FernetKey): string {
  return key.raw.toString('base64url') + '=';
}

/** `sha256:` + lowercase hex SHA-256 of the raw key bytes (DESIGN.md, Keys). */
export function fingerprint(key: FernetKey): string {
  return 'sha256:' + createHash('sha256').update(key.raw).digest('hex');
}

/** The first 16 hex digits of the fingerprint: what headers and messages show. */
export function shortKeyId(keyOrFingerprint: FernetKey | string): string {
  const fp = typeof keyOrFingerprint === 'string' ? keyOrFingerprint : fingerprint(keyOrFingerprint);
  return fp.replace(/^sha256:/, '').slice(0, 16);
}
