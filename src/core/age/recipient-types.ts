import type { Stanza } from './header.js';

/** Random bytes source, passed in so that encryption is deterministic under test. */
export type RandomBytes = (size: number) => Buffer;

/** Someone a file can be encrypted to: holds only public material. */
export interface AgeRecipient {
  readonly kind: 'x25519' | 'ssh-ed25519';
  /** The recipient as the user writes it (`age1…` or `ssh-ed25519 AAAA…`, no comment). */
  readonly text: string;
  /** Wraps a 16-byte file key into one stanza. */
  wrap(fileKey: Uint8Array, random: RandomBytes): Stanza;
}

/**
 * Something that can open files: holds the secret key in a private field, so neither
 * `JSON.stringify` nor `util.inspect` can ever print it.
 */
export interface AgeIdentity {
  readonly kind: 'x25519' | 'ssh-ed25519';
  readonly recipient: AgeRecipient;
  /**
   * Tries to unwrap a stanza: the file key, or undefined when the stanza is not for this
   * identity. Throws a header failure for a stanza of this identity's type that is malformed.
   */
  unwrap(stanza: Stanza): Buffer | undefined;
}

export const FILE_KEY_SIZE = 16;
