import { AgeError } from './age-error.js';
import { armor, dearmor, isArmored } from './armor.js';
import { encodeHeader, headerMacMatches, parseHeader } from './header.js';
import { FILE_KEY_SIZE, type AgeIdentity, type AgeRecipient, type RandomBytes } from './recipient-types.js';
import { NONCE_SIZE, decryptPayload, encryptPayload } from './stream.js';

/**
 * Whole-file age v1 encryption and decryption (C2SP age.md). Envguard's access files are small
 * (one key), so everything happens in memory; the STREAM layer still yields chunk by chunk.
 */

export interface EncryptOptions {
  recipients: AgeRecipient[];
  random: RandomBytes;
  /** ASCII armor (what envguard commits, so diffs and reviews stay readable). */
  armored?: boolean;
}

/** Encrypts a payload to every recipient; returns the binary file or its armored text as bytes. */
export function ageEncrypt(plaintext: Uint8Array, options: EncryptOptions): Buffer {
  if (options.recipients.length === 0) throw new RangeError('age needs at least one recipient');
  const fileKey = options.random(FILE_KEY_SIZE);
  const stanzas = options.recipients.map((recipient) => recipient.wrap(fileKey, options.random));
  const binary = Buffer.concat([encodeHeader(stanzas, fileKey), encryptPayload(fileKey, options.random(NONCE_SIZE), plaintext)]);
  fileKey.fill(0);
  return options.armored ? Buffer.from(armor(binary), 'latin1') : binary;
}

/**
 * Opens a file, yielding authenticated plaintext chunk by chunk. Throws AgeError with the
 * failing stage: armor, header, no-match (no identity opens any stanza), hmac, payload.
 */
export function* ageDecryptChunks(file: Uint8Array, identities: AgeIdentity[]): Generator<Buffer, void, undefined> {
  const bytes = isArmored(file) ? dearmor(file) : Buffer.from(file);
  const header = parseHeader(bytes);
  let fileKey: Buffer | undefined;
  for (const stanza of header.stanzas) {
    for (const identity of identities) {
      fileKey = identity.unwrap(stanza);
      if (fileKey) break;
    }
    if (fileKey) break;
  }
  if (!fileKey) throw new AgeError('no-match', 'the file');
  if (fileKey.length !== FILE_KEY_SIZE) throw new AgeError('header', 'the file', 'wrapped file key has the wrong length');
  if (!headerMacMatches(header, fileKey)) throw new AgeError('hmac', 'the file');
  yield* decryptPayload(fileKey, bytes.subarray(header.payloadOffset));
}

/** Opens a file and returns the whole plaintext, or throws (nothing partial is ever returned). */
export function ageDecrypt(file: Uint8Array, identities: AgeIdentity[]): Buffer {
  return Buffer.concat([...ageDecryptChunks(file, identities)]);
}
