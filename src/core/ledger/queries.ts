import type { GenesisEntry, Ledger, LedgerEntry, RotationEntry } from './types.js';

/**
 * Read-only questions about a ledger, for `status`, the hooks and `rotate`. They trust the
 * ledger's shape; call `verifyLedger` first when the file came from somewhere untrusted.
 */

/** The entry whose key is in force: genesis or the last completed rotation. */
export function currentKeyEntry(ledger: Ledger): GenesisEntry | RotationEntry {
  for (let index = ledger.entries.length - 1; index >= 0; index--) {
    const entry = ledger.entries[index] as LedgerEntry;
    if (entry.type === 'genesis' || entry.status === 'completed') return entry;
  }
  throw new TypeError('ledger has no genesis entry');
}

/** Fingerprint (`sha256:…`) of the key the ledger says is current. */
export function currentKeyFingerprint(ledger: Ledger): string {
  return currentKeyEntry(ledger).newKeyFingerprint;
}

/** base64url Ed25519 public key of the current key: what the next rotation must be signed with. */
export function currentPublicKey(ledger: Ledger): string {
  return currentKeyEntry(ledger).newPublicKey;
}

/** The genesis entry (entry 0). */
export function genesisEntry(ledger: Ledger): GenesisEntry {
  const first = ledger.entries[0];
  if (first?.type !== 'genesis') throw new TypeError('ledger does not start with a genesis entry');
  return first;
}

/** The last rotation that completed, or undefined when the key has never been rotated. */
export function lastRotation(ledger: Ledger): RotationEntry | undefined {
  const entry = currentKeyEntry(ledger);
  return entry.type === 'rotation' ? entry : undefined;
}

/** The last rotation entry of any status (an attempt that failed or was rolled back included). */
export function lastRotationAttempt(ledger: Ledger): RotationEntry | undefined {
  for (let index = ledger.entries.length - 1; index >= 0; index--) {
    const entry = ledger.entries[index] as LedgerEntry;
    if (entry.type === 'rotation') return entry;
  }
  return undefined;
}

/** When the current key is due for rotation (ISO 8601), as recorded when it became current. */
export function nextRotationDue(ledger: Ledger): string {
  return currentKeyEntry(ledger).nextRotationDue;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Days until the next rotation is due, counting a started day as a day: positive while time is
 * left (90 right after a 90-day rotation, 1 on the last day), 0 at the due instant, negative
 * once overdue (-3 = into the third day overdue).
 */
export function daysUntilDue(ledger: Ledger, now: Date): number {
  const remaining = Date.parse(nextRotationDue(ledger)) - now.getTime();
  return remaining >= 0 ? Math.ceil(remaining / DAY_MS) : -Math.ceil(-remaining / DAY_MS);
}

/**
 * The entry that made a key current (genesis or a completed rotation), by fingerprint or short
 * key id: what the hooks quote when a teammate's pull brings a new key ("rotated by …, on …").
 */
export function entryForKey(ledger: Ledger, keyIdOrFingerprint: string): GenesisEntry | RotationEntry | undefined {
  const id = keyIdOrFingerprint.replace(/^sha256:/, '');
  return ledger.entries.find(
    (entry): entry is GenesisEntry | RotationEntry => (entry.type === 'genesis' || entry.status === 'completed') && entry.newKeyFingerprint.slice('sha256:'.length).startsWith(id),
  );
}
