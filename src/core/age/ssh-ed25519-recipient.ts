import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { AgeError } from './age-error.js';
import { decodeBase64, encodeBase64 } from './base64.js';
import { ed25519PublicToX25519, ed25519SeedToX25519 } from './ed25519-to-x25519.js';
import type { Stanza } from './header.js';
import { hkdf, x25519, x25519Base } from './primitives.js';
import type { AgeIdentity, AgeRecipient } from './recipient-types.js';
import { unwrapWithSharedSecret, wrapWithSharedSecret } from './x25519-recipient.js';
import { sshString, readSshString } from './ssh-wire.js';

/**
 * age's ssh-ed25519 recipient type: the Ed25519 key converted to X25519, the shared secret
 * "tweaked" by a second X25519 with a scalar derived from the SSH public key, and a 4-byte tag
 * (SHA-256 of the key's wire form) so an identity skips stanzas for other keys without trying them.
 */
const LABEL = 'age-encryption.org/v1/ssh-ed25519';
const KEY_TYPE = 'ssh-ed25519';
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The SSH wire form of an Ed25519 public key: string "ssh-ed25519", string key. */
export function sshEd25519WireKey(publicKey: Buffer): Buffer {
  return Buffer.concat([sshString(KEY_TYPE), sshString(publicKey)]);
}

function tagOf(wireKey: Buffer): string {
  return encodeBase64(createHash('sha256').update(wireKey).digest().subarray(0, 4));
}

function tweakedSecret(shared: Buffer | undefined, wireKey: Buffer): Buffer | undefined {
  // HKDF with an empty secret and the SSH key as salt: the tweak binds the stanza to this exact key.
  return shared && x25519(hkdf(Buffer.alloc(0), wireKey, LABEL), shared);
}

/** An ssh-ed25519 recipient from a 32-byte Ed25519 public key; undefined when it is not a valid point. */
export function sshEd25519Recipient(publicKey: Buffer): AgeRecipient | undefined {
  const montgomery = ed25519PublicToX25519(publicKey);
  if (!montgomery) return undefined;
  const wireKey = sshEd25519WireKey(publicKey);
  return {
    kind: 'ssh-ed25519',
    text: `${KEY_TYPE} ${wireKey.toString('base64')}`,
    wrap(fileKey, random): Stanza {
      const scalar = random(32);
      const share = x25519Base(scalar);
      const shared = tweakedSecret(x25519(scalar, montgomery), wireKey);
      if (!shared) throw new AgeError('key', 'the recipient', 'low-order public key');
      return { type: KEY_TYPE, args: [tagOf(wireKey), encodeBase64(share)], body: wrapWithSharedSecret(shared, Buffer.concat([share, montgomery]), LABEL, fileKey) };
    },
  };
}

/** Parses `ssh-ed25519 AAAA… [comment]`; undefined for anything else (the caller explains). */
export function parseSshEd25519Recipient(text: string): AgeRecipient | undefined {
  const match = /^ssh-ed25519 ([A-Za-z0-9+/]+={0,2})(?: [^\r\n]*)?$/.exec(text.trim());
  if (!match) return undefined;
  const wire = Buffer.from(match[1] as string, 'base64');
  if (wire.toString('base64') !== match[1]) return undefined;
  const type = readSshString(wire, 0);
  if (!type || type.value.toString('latin1') !== KEY_TYPE) return undefined;
  const key = readSshString(wire, type.next);
  if (!key || key.value.length !== 32 || key.next !== wire.length) return undefined;
  return sshEd25519Recipient(key.value);
}

class SshEd25519Identity implements AgeIdentity {
  readonly kind = 'ssh-ed25519' as const;
  readonly recipient: AgeRecipient;
  readonly #scalar: Buffer;
  readonly #montgomery: Buffer;
  readonly #wireKey: Buffer;
  readonly #tag: string;

  constructor(seed: Buffer, publicKey: Buffer) {
    const recipient = sshEd25519Recipient(publicKey);
    if (!recipient) throw new AgeError('key', 'the ssh key', 'not a valid Ed25519 public key');
    this.recipient = recipient;
    this.#scalar = ed25519SeedToX25519(seed);
    this.#montgomery = ed25519PublicToX25519(publicKey) as Buffer;
    this.#wireKey = sshEd25519WireKey(publicKey);
    this.#tag = tagOf(this.#wireKey);
  }

  unwrap(stanza: Stanza): Buffer | undefined {
    if (stanza.type !== KEY_TYPE) return undefined;
    if (stanza.args.length !== 2) throw new AgeError('header', 'the file', 'ssh-ed25519 stanza takes two arguments');
    if (stanza.args[0] !== this.#tag) return undefined;
    const share = decodeBase64(stanza.args[1] as string, 'the file');
    if (share.length !== 32) throw new AgeError('header', 'the file', 'ssh-ed25519 share has the wrong length');
    const shared = tweakedSecret(x25519(this.#scalar, share), this.#wireKey);
    return unwrapWithSharedSecret(shared, Buffer.concat([share, this.#montgomery]), LABEL, stanza.body);
  }
}

/**
 * An ssh-ed25519 identity from the 32-byte seed and the public key stored beside it. The public
 * key is checked against the seed, so a corrupted key file is refused instead of silently failing.
 */
export function sshEd25519Identity(seed: Buffer, publicKey: Buffer): AgeIdentity {
  const derived = createPublicKey(createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' })).export({ format: 'jwk' }).x;
  if (derived !== publicKey.toString('base64url')) throw new AgeError('key', 'the ssh key', 'its public half does not match its private half');
  return new SshEd25519Identity(seed, publicKey);
}
