import { EnvguardError } from '../../errors.js';
import type { AgeRecipient } from './recipient-types.js';
import { parseSshEd25519Recipient } from './ssh-ed25519-recipient.js';
import { parseX25519Recipient } from './x25519-recipient.js';

/** What a member sends to be granted: their own, never a secret. */
const FIX = 'ask for the line `envguard access id` prints (an `age1…` recipient), or the one line of their `~/.ssh/id_ed25519.pub`';

/**
 * Parses a recipient the user typed: `age1…` or `ssh-ed25519 AAAA… [comment]`. Anything else is
 * one line naming what was expected. The input is never echoed: people paste the wrong thing,
 * and the wrong thing is often a secret (a Fernet key, an identity, a private key).
 */
export function parseRecipient(input: string): AgeRecipient {
  const text = input.trim();
  if (/^age-secret-key-/i.test(text) || text.includes('PRIVATE KEY')) {
    throw new EnvguardError('USAGE', 'that is a secret identity, not a recipient: never send or paste it anywhere', {
      hint: `${FIX}; to get the recipient of your own identity run \`envguard access id\``,
    });
  }
  if (/^sk-ssh-ed25519@openssh\.com /.test(text)) {
    throw new EnvguardError('USAGE', 'hardware security keys (sk-ssh-ed25519) cannot be recipients: age has no built-in support for them', { hint: FIX });
  }
  if (/^ssh-(rsa|dss) |^ecdsa-/.test(text)) {
    throw new EnvguardError('USAGE', `envguard takes ssh-ed25519 keys only, not ${text.split(' ')[0] ?? 'this type'}`, { hint: FIX });
  }
  if (/^age1pq1/i.test(text)) {
    throw new EnvguardError('USAGE', 'post-quantum age recipients (age1pq1…) are not supported yet', { hint: FIX });
  }
  const recipient = text.startsWith('ssh-ed25519 ') ? parseSshEd25519Recipient(text) : parseX25519Recipient(text);
  if (recipient) return recipient;
  const kind = text.startsWith('ssh-ed25519 ') ? 'ssh-ed25519 public key' : /^age1/i.test(text) ? 'age recipient (bad checksum, case or length)' : 'recipient';
  throw new EnvguardError('USAGE', `that is not a valid ${kind}`, { hint: FIX });
}
