import { EnvguardError } from '../../errors.js';
import { isOpenSshPrivateKey, parseOpenSshPrivateKey } from './openssh-private-key.js';
import type { AgeIdentity } from './recipient-types.js';
import { parseX25519Identity } from './x25519-recipient.js';

const FIX = 'make an X25519 identity with `age-keygen -o identity.txt`, or unset ENVGUARD_IDENTITY / ENVGUARD_IDENTITY_FILE so envguard makes one';

/**
 * Parses identities from text: an age identity file (age-keygen's format: `#` comment lines,
 * blank lines, one `AGE-SECRET-KEY-1…` per line) or an OpenSSH private key. `what` names the
 * source in errors (`ENVGUARD_IDENTITY`, a path); errors give a line number, never line content.
 */
export function parseIdentities(text: string, what: string): AgeIdentity[] {
  if (isOpenSshPrivateKey(text)) return [parseOpenSshPrivateKey(text, what)];
  const identities: AgeIdentity[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const identity = parseX25519Identity(line);
    if (!identity) {
      const looksLike = /^AGE-SECRET-KEY-PQ-/i.test(line)
        ? 'a post-quantum age identity, which envguard does not support yet'
        : /^AGE-SECRET-KEY-/i.test(line)
          ? 'an age identity with a bad checksum, case or length'
          : 'not an age identity';
      throw new EnvguardError('KEY_INVALID', `${what}${lines.length > 1 ? ` line ${index + 1}` : ''} is ${looksLike}`, { hint: FIX });
    }
    identities.push(identity);
  }
  if (identities.length === 0) throw new EnvguardError('KEY_INVALID', `${what} holds no identity`, { hint: FIX });
  return identities;
}
