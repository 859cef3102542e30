import { timingSafeEqual } from 'node:crypto';
import { verifySignature } from '../ledger/signing-key.js';
import { grantSigningInput, sha256Of, type GrantRecord } from './grant-record.js';

/**
 * What can be wrong with a grant, checked with public material only (no key, no identity), so
 * `verify` on CI and the key lookup on a laptop apply the same rule before anything is used.
 */
export type GrantProblem =
  /** For a key that is no longer the ledger's current one (left over from before a rotation). */
  | { code: 'old-key'; keyFingerprint: string }
  /** The signature does not verify under the environment's current ledger public key. */
  | { code: 'bad-signature' }
  /** The `.age` file is not the one the grant was signed for. */
  | { code: 'hash-mismatch' }
  /** The grant names another environment or member than the path it sits at. */
  | { code: 'misplaced' };

export interface GrantLocation {
  envName: string;
  memberId: string;
}

/**
 * Checks a parsed grant against its `.age` file, the ledger's current public key and current key
 * fingerprint, and (when given) the path it was read from. Returns the first problem, or
 * undefined when the grant may be used. Never throws for bad input: it is handed untrusted files.
 */
export function verifyGrant(grant: GrantRecord, ageFileBytes: Uint8Array, currentLedgerPublicKey: string, currentFingerprint: string, where?: GrantLocation): GrantProblem | undefined {
  if (!sameText(grant.keyFingerprint, currentFingerprint)) return { code: 'old-key', keyFingerprint: grant.keyFingerprint };
  let signingInput: Buffer;
  try {
    signingInput = grantSigningInput(grant);
  } catch {
    return { code: 'bad-signature' };
  }
  if (!verifySignature(currentLedgerPublicKey, signingInput, grant.signature)) return { code: 'bad-signature' };
  if (!sameText(sha256Of(ageFileBytes), grant.ageFileSha256)) return { code: 'hash-mismatch' };
  if (where && (grant.env !== where.envName || grant.memberId !== where.memberId)) return { code: 'misplaced' };
  return undefined;
}

/** What is wrong (one line, naming the file by its path, never quoting the unverified grant) and the fix. */
export function describeGrantProblem(problem: GrantProblem, grantPath: string): { message: string; hint: string } {
  switch (problem.code) {
    case 'old-key':
      return { message: `${grantPath} grants an old key, not the environment's current one`, hint: 're-grant after the rotation (`envguard access grant`) or delete it' };
    case 'bad-signature':
      return { message: `${grantPath} is not signed by the environment's current key: someone without the key wrote or changed it`, hint: 'restore it from git or delete it' };
    case 'hash-mismatch':
      return { message: `${grantPath.replace(/\.json$/, '.age')} is not the file its grant was signed for`, hint: 'restore it from git or grant again' };
    case 'misplaced':
      return { message: `${grantPath} was signed for another environment or member`, hint: 'delete it and grant again' };
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
