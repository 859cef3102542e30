import { ageDecrypt, ageEncrypt, type AgeIdentity, type AgeRecipient, type RandomBytes } from '../age/index.js';
import { EnvguardError } from '../../errors.js';
import { formatKey, parseKey, type FernetKey } from '../key.js';

/**
 * The payload of an access file is exactly what `envguard key export --env <env>` prints (the
 * key text and a newline, src/ops/key-export-import.ts), so `age -d -i identity.txt file.age` gives a
 * member the same line they could pipe into `envguard key import`.
 */
export function wrappedKeyPayload(key: FernetKey): Buffer {
  return Buffer.from(`${formatKey(key)}\n`, 'utf8');
}

/** Wraps an environment key for one member as an armored age file. */
export function wrapKey(key: FernetKey, recipient: AgeRecipient, random: RandomBytes): Buffer {
  return ageEncrypt(wrappedKeyPayload(key), { recipients: [recipient], random, armored: true });
}

/**
 * Opens an access file with this machine's identities. Throws AgeError (no match, damaged) or a
 * KEY_INVALID error when the payload is not exactly one key line; the message never holds it.
 */
export function unwrapKey(ageFile: Uint8Array, identities: AgeIdentity[], what: string): FernetKey {
  const payload = ageDecrypt(ageFile, identities);
  const text = payload.toString('utf8');
  payload.fill(0);
  if (!/^[A-Za-z0-9_-]{43}=\n$/.test(text)) {
    throw new EnvguardError('KEY_INVALID', `${what} opened but does not hold one envguard key`, { hint: 'ask a member to grant access again (`envguard access grant`)' });
  }
  return parseKey(text.slice(0, -1), what);
}
