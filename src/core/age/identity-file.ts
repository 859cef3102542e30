import type { AgeRecipient } from './recipient-types.js';

/**
 * The text of an age identity file as age-keygen writes it, so `age -d -i identity.txt` and
 * `age-keygen -y identity.txt` read envguard's file unchanged:
 *
 *     # created: 2026-12-01T18:00:00Z
 *     # public key: age1…
 *     AGE-SECRET-KEY-1…
 */
export function formatIdentityFile(identity: { recipient: AgeRecipient; encode(): string }, now: Date): string {
  const created = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `# created: ${created}\n# public key: ${identity.recipient.text}\n${identity.encode()}\n`;
}
