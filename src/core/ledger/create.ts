import { EnvguardError } from '../../errors.js';
import { fingerprint, shortKeyId, type FernetKey } from '../key.js';
import { entryHash, sameText, signingBytes } from './entry-hash.js';
import { currentKeyEntry } from './queries.js';
import { ledgerSigner } from './signing-key.js';
import { LEDGER_VERSION, type Actor, type FileResult, type GenesisEntry, type Ledger, type RotationAccess, type RotationEntry, type RotationStatus, type UnsignedEntry } from './types.js';

/** The policy's default rotation period (DESIGN.md: quarterly). */
export const DEFAULT_ROTATION_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface GenesisInput {
  /** The environment's first key. */
  key: FernetKey;
  /** A UUID v4 naming the project; the key store is keyed by it, so clones share keys. */
  projectId: string;
  /** `default` for `.env`, `production` for `.env.production`. */
  environment: string;
  /** Who ran `init` (the git user). */
  actor: Actor;
  now: Date;
  reason?: string;
  /** `.envguard.json` `rotationDays`; default 90. */
  rotationDays?: number;
}

/** Creates a one-entry ledger whose genesis entry is signed by the new key. */
export function createGenesis(input: GenesisInput): Ledger {
  const signer = ledgerSigner(input.key);
  const unsigned: UnsignedEntry<GenesisEntry> = {
    seq: 0,
    type: 'genesis',
    time: input.now.toISOString(),
    actor: { name: input.actor.name, email: input.actor.email },
    reason: input.reason ?? 'envguard init',
    projectId: input.projectId,
    environment: input.environment,
    newKeyFingerprint: fingerprint(input.key),
    newPublicKey: signer.publicKey,
    nextRotationDue: dueAfter(input.now, input.rotationDays),
    prevHash: null,
  };
  const entry: GenesisEntry = { ...unsigned, signatures: [{ role: 'new', publicKey: signer.publicKey, signature: signer.sign(signingBytes(unsigned)) }] };
  return { version: LEDGER_VERSION, projectId: input.projectId, environment: input.environment, entries: [entry] };
}

export interface RotationInput {
  /** The key in force; it must be the ledger's current key (it authorises the change). */
  oldKey: FernetKey;
  newKey: FernetKey;
  status: RotationStatus;
  actor: Actor;
  reason: string;
  now: Date;
  files: FileResult[];
  backupPaths: string[];
  /** `.envguard.json` `rotationDays`; default 90. Applies only when the rotation completes. */
  rotationDays?: number;
  /** Revoked and re-wrapped members, when the environment has access files. */
  access?: RotationAccess;
}

/**
 * Builds the next rotation entry, signed by the old key and the new one, without changing the
 * ledger: `rotate` records the entry in its journal before writing it so a resumed rotation
 * appends exactly the same bytes.
 */
export function buildRotationEntry(ledger: Ledger, input: RotationInput): RotationEntry {
  const current = currentKeyEntry(ledger);
  const oldFingerprint = fingerprint(input.oldKey);
  if (!sameText(oldFingerprint, current.newKeyFingerprint)) {
    throw new EnvguardError('KEY_INVALID', `the key ${shortKeyId(oldFingerprint)} is not the ledger's current key ${shortKeyId(current.newKeyFingerprint)} for ${ledger.environment}`, {
      hint: `get the current key from a teammate and run \`envguard key import --env ${ledger.environment}\``,
    });
  }
  const last = ledger.entries[ledger.entries.length - 1];
  if (last === undefined) throw new TypeError('ledger has no entries');
  const oldSigner = ledgerSigner(input.oldKey);
  const newSigner = ledgerSigner(input.newKey);
  const unsigned: UnsignedEntry<RotationEntry> = {
    seq: last.seq + 1,
    type: 'rotation',
    status: input.status,
    time: input.now.toISOString(),
    actor: { name: input.actor.name, email: input.actor.email },
    reason: input.reason,
    oldKeyFingerprint: oldFingerprint,
    newKeyFingerprint: fingerprint(input.newKey),
    oldPublicKey: oldSigner.publicKey,
    newPublicKey: newSigner.publicKey,
    files: input.files.map((file) => ({ path: file.path, verified: file.verified })),
    backupPaths: [...input.backupPaths],
    // A rotation that did not complete leaves the old key, and so its due date, in force.
    nextRotationDue: input.status === 'completed' ? dueAfter(input.now, input.rotationDays) : current.nextRotationDue,
    prevHash: entryHash(last),
    ...(input.access ? { access: { revoked: input.access.revoked.map(memberRef), rewrapped: input.access.rewrapped.map(memberRef) } } : {}),
  };
  const bytes = signingBytes(unsigned);
  return {
    ...unsigned,
    signatures: [
      { role: 'old', publicKey: oldSigner.publicKey, signature: oldSigner.sign(bytes) },
      { role: 'new', publicKey: newSigner.publicKey, signature: newSigner.sign(bytes) },
    ],
  };
}

function memberRef(member: { memberId: string; name: string }): { memberId: string; name: string } {
  return { memberId: member.memberId, name: member.name };
}

/** Returns a new ledger with a signed rotation entry appended (the input is not modified). */
export function appendRotation(ledger: Ledger, input: RotationInput): Ledger {
  return appendEntry(ledger, buildRotationEntry(ledger, input));
}

/** Returns a new ledger with an already-built entry appended. */
export function appendEntry(ledger: Ledger, entry: RotationEntry): Ledger {
  return { ...ledger, entries: [...ledger.entries, entry] };
}

/** ISO time `rotationDays` after `now`. */
export function dueAfter(now: Date, rotationDays = DEFAULT_ROTATION_DAYS): string {
  if (!Number.isInteger(rotationDays) || rotationDays < 1) throw new EnvguardError('CONFIG_INVALID', `rotationDays must be a whole number of days >= 1 (got ${String(rotationDays)})`, { hint: 'fix `rotationDays` in .envguard.json' });
  return new Date(now.getTime() + rotationDays * DAY_MS).toISOString();
}
