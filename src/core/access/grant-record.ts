import { createHash } from 'node:crypto';
import { canonicalJson } from '../ledger/canonical-json.js';
import { ledgerSigner } from '../ledger/signing-key.js';
import { fingerprint, type FernetKey } from '../key.js';

/**
 * The grant beside each wrapped key (`<member-id>.json`): who may open the environment, for
 * which key, and who said so. It is signed by the environment's ledger signing key (derived from
 * the Fernet key, src/core/ledger/signing-key.ts), so only a key holder can grant, and anyone can
 * check a grant with the public key in the ledger and no secret at all.
 */
export interface GrantRecord {
  format: 'envguard-grant/v1';
  /** Environment and member id repeat the path, so a grant copied to another path fails. */
  env: string;
  memberId: string;
  memberName: string;
  /** `age1…` or `ssh-ed25519 AAAA…` (no comment). */
  recipient: string;
  kind: 'person' | 'ci';
  /** `sha256:<hex>` of the wrapped Fernet key (DESIGN.md, Keys). */
  keyFingerprint: string;
  /** `sha256:<hex>` of the `.age` file's bytes. */
  ageFileSha256: string;
  grantedBy: { memberId: string; gitActor: string };
  /** ISO 8601 UTC. */
  grantedAt: string;
  /** Ed25519 over the signing input, base64url. */
  signature: string;
}

export type UnsignedGrant = Omit<GrantRecord, 'signature' | 'format'>;

// A domain prefix keeps a grant signature from ever verifying as a ledger entry signature
// (same key, different meaning), and the reverse.
const SIGNING_DOMAIN = 'envguard grant v1\n';

/** `sha256:` + hex of bytes. */
export function sha256Of(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** The exact bytes a grant signature covers: the domain line and the canonical JSON of all other fields. */
export function grantSigningInput(grant: Omit<GrantRecord, 'signature'>): Buffer {
  const { format, env, memberId, memberName, recipient, kind, keyFingerprint, ageFileSha256, grantedBy, grantedAt } = grant;
  return Buffer.from(SIGNING_DOMAIN + canonicalJson({ format, env, memberId, memberName, recipient, kind, keyFingerprint, ageFileSha256, grantedBy, grantedAt }), 'utf8');
}

/** Builds and signs a grant with the environment's key; the key's fingerprint is filled in from it. */
export function signGrant(fields: Omit<UnsignedGrant, 'keyFingerprint'>, key: FernetKey): GrantRecord {
  const unsigned = { format: 'envguard-grant/v1' as const, ...fields, keyFingerprint: fingerprint(key) };
  return { ...unsigned, signature: ledgerSigner(key).sign(grantSigningInput(unsigned)) };
}

/** The committed text: the same canonical field order every time, two-space indent, final newline. */
export function serializeGrant(grant: GrantRecord): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(grant)), null, 2)}\n`;
}
