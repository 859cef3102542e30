/**
 * The ledger file `<envfile>.ledger.json` (DESIGN.md, Ledger). Other parts of envguard (init,
 * hooks, status) read these shapes; `templates/ledger.schema.json` is the same contract as a
 * JSON Schema. It never holds a secret or a plaintext value: only fingerprints, public keys,
 * paths, people and dates.
 */

export const LEDGER_VERSION = 1;

export interface Actor {
  name: string;
  email: string;
}

export type SignatureRole = 'old' | 'new';

/** An Ed25519 signature over the canonical JSON of the entry without its `signatures`. */
export interface EntrySignature {
  role: SignatureRole;
  /** base64url of the raw 32-byte Ed25519 public key. */
  publicKey: string;
  /** base64url of the 64-byte signature. */
  signature: string;
}

export type RotationStatus = 'initiated' | 'in_progress' | 'completed' | 'failed' | 'rolled_back';

export interface FileResult {
  /** Repository-relative path with `/` separators. */
  path: string;
  /** The re-encrypted file decrypted with the new key to exactly the old plaintext. */
  verified: boolean;
}

interface EntryBase {
  seq: number;
  /** ISO 8601 UTC time the entry was written. */
  time: string;
  actor: Actor;
  reason: string;
  newKeyFingerprint: string;
  newPublicKey: string;
  /** ISO 8601 UTC time the next rotation is due under the policy in force when this entry was written. */
  nextRotationDue: string;
  signatures: EntrySignature[];
}

/** Entry 0: the environment's first key, created by `envguard init`. Signed by that key. */
export interface GenesisEntry extends EntryBase {
  type: 'genesis';
  projectId: string;
  environment: string;
  prevHash: null;
}

/**
 * A rotation attempt. Only `completed` makes the new key current; `failed` and `rolled_back`
 * record an attempt that left the old key in force. Signed by the old key (which authorises the
 * change) and by the new key (which proves the rotator held it).
 */
export interface RotationEntry extends EntryBase {
  type: 'rotation';
  status: RotationStatus;
  oldKeyFingerprint: string;
  oldPublicKey: string;
  files: FileResult[];
  backupPaths: string[];
  prevHash: string;
  /** Per-person access (DESIGN.md): who lost access with this rotation and who got the new key. */
  access?: RotationAccess;
}

/** A member of an environment as the ledger names them (id and name, both public). */
export interface MemberRef {
  memberId: string;
  name: string;
}

/** What a rotation did to the environment's access files; absent when it had none. */
export interface RotationAccess {
  /** Members whose access files were deleted: they never receive the new key. */
  revoked: MemberRef[];
  /** Members the new key was wrapped for. */
  rewrapped: MemberRef[];
}

export type LedgerEntry = GenesisEntry | RotationEntry;

export interface Ledger {
  version: typeof LEDGER_VERSION;
  projectId: string;
  environment: string;
  entries: LedgerEntry[];
}

/** An entry before it is signed: what the hash and the signatures cover. */
export type UnsignedEntry<E extends LedgerEntry = LedgerEntry> = Omit<E, 'signatures'>;
