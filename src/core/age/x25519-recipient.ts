import { AgeError } from './age-error.js';
import { decodeBase64, encodeBase64 } from './base64.js';
import { bech32Decode, bech32Encode } from './bech32.js';
import type { Stanza } from './header.js';
import { TAG_SIZE, hkdf, open, seal, x25519, x25519Base } from './primitives.js';
import { FILE_KEY_SIZE, type AgeIdentity, type AgeRecipient, type RandomBytes } from './recipient-types.js';

/**
 * age's native X25519 recipient type (age.md, "The X25519 recipient type"): an ephemeral share
 * in the stanza argument, a wrap key from HKDF over share || recipient, and the file key sealed
 * with ChaCha20-Poly1305 under a zero nonce (safe: each wrap key is used once).
 */
const LABEL = 'age-encryption.org/v1/X25519';
const RECIPIENT_HRP = 'age';
const IDENTITY_HRP = 'age-secret-key-';
const ZERO_NONCE = Buffer.alloc(12);

/** Unwraps an X25519-style stanza body; shared by the ssh-ed25519 type, which differs only in its inputs. */
export function unwrapWithSharedSecret(shared: Buffer | undefined, salt: Buffer, label: string, body: Buffer): Buffer | undefined {
  if (!shared) throw new AgeError('header', 'the file', 'recipient share is a low-order point');
  if (body.length !== FILE_KEY_SIZE + TAG_SIZE) throw new AgeError('header', 'the file', 'wrapped file key has the wrong length');
  return open(hkdf(shared, salt, label), ZERO_NONCE, body);
}

/** Seals the file key under a wrap key (zero nonce: every wrap key is fresh). */
export function wrapWithSharedSecret(shared: Buffer, salt: Buffer, label: string, fileKey: Uint8Array): Buffer {
  return seal(hkdf(shared, salt, label), ZERO_NONCE, fileKey);
}

function ephemeralShare(random: RandomBytes): { scalar: Buffer; share: Buffer } {
  const scalar = random(32);
  return { scalar, share: x25519Base(scalar) };
}

/** An X25519 recipient from its 32-byte public key. */
export function x25519Recipient(publicKey: Buffer): AgeRecipient {
  const pub = Buffer.from(publicKey);
  return {
    kind: 'x25519',
    text: bech32Encode(RECIPIENT_HRP, pub),
    wrap(fileKey, random): Stanza {
      const { scalar, share } = ephemeralShare(random);
      const shared = x25519(scalar, pub);
      if (!shared) throw new AgeError('key', 'the recipient', 'low-order public key');
      return { type: 'X25519', args: [encodeBase64(share)], body: wrapWithSharedSecret(shared, Buffer.concat([share, pub]), LABEL, fileKey) };
    },
  };
}

/** Parses `age1…`; undefined for anything that is not a valid X25519 recipient. */
export function parseX25519Recipient(text: string): AgeRecipient | undefined {
  const decoded = bech32Decode(text);
  if (!decoded || decoded.hrp !== RECIPIENT_HRP || decoded.data.length !== 32 || text !== text.toLowerCase()) return undefined;
  return x25519Recipient(decoded.data);
}

class X25519Identity implements AgeIdentity {
  readonly kind = 'x25519' as const;
  readonly recipient: AgeRecipient;
  readonly #secret: Buffer;
  readonly #publicKey: Buffer;

  constructor(secret: Buffer) {
    this.#secret = Buffer.from(secret);
    this.#publicKey = x25519Base(this.#secret);
    this.recipient = x25519Recipient(this.#publicKey);
  }

  unwrap(stanza: Stanza): Buffer | undefined {
    if (stanza.type !== 'X25519') return undefined;
    if (stanza.args.length !== 1) throw new AgeError('header', 'the file', 'X25519 stanza takes one argument');
    const share = decodeBase64(stanza.args[0] as string, 'the file');
    if (share.length !== 32) throw new AgeError('header', 'the file', 'X25519 share has the wrong length');
    return unwrapWithSharedSecret(x25519(this.#secret, share), Buffer.concat([share, this.#publicKey]), LABEL, stanza.body);
  }

  /** The `AGE-SECRET-KEY-1...` text; only for writing the identity file, never for output. */
  encode(): string {
    return bech32Encode(IDENTITY_HRP, this.#secret).toUpperCase();
  }
}

/** An X25519 identity from 32 secret bytes (e.g. `random(32)`). */
export function x25519Identity(secret: Buffer): AgeIdentity & { encode(): string } {
  if (secret.length !== 32) throw new RangeError('an X25519 identity is 32 bytes');
  return new X25519Identity(secret);
}

/** Parses `AGE-SECRET-KEY-1…` (upper-case, as age-keygen writes it); undefined if it is not one. */
export function parseX25519Identity(text: string): (AgeIdentity & { encode(): string }) | undefined {
  const decoded = bech32Decode(text);
  if (!decoded || decoded.hrp !== IDENTITY_HRP || decoded.data.length !== 32 || text !== text.toUpperCase()) return undefined;
  return new X25519Identity(decoded.data);
}
