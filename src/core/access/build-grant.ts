import type { AgeRecipient, RandomBytes } from '../age/index.js';
import type { FernetKey } from '../key.js';
import { accessPathsFor, type AccessPaths } from './access-paths.js';
import { serializeGrant, sha256Of, signGrant, type GrantRecord } from './grant-record.js';
import { memberIdFor } from './member-id.js';
import { wrapKey } from './wrapped-key.js';

export interface BuildGrantInput {
  envName: string;
  /** The environment's current key: it is wrapped, and its ledger signing key signs the grant. */
  key: FernetKey;
  memberName: string;
  recipient: AgeRecipient;
  kind: 'person' | 'ci';
  /** The environment's existing grants, member id → member name (for the collision rule). */
  existing: ReadonlyMap<string, string>;
  grantedBy: { memberId: string; gitActor: string };
  now: Date;
  random: RandomBytes;
}

export interface BuiltGrant {
  memberId: string;
  paths: AccessPaths;
  /** Bytes of `<member-id>.age` (armored age). */
  ageFile: Buffer;
  /** Text of `<member-id>.json`. */
  grantText: string;
  grant: GrantRecord;
}

/**
 * Everything one grant writes, computed without touching disk: the member id, the wrapped key and
 * the signed grant. The caller writes both files (age first, then the grant) and stages them.
 * Re-granting a member yields the same id, so their two files are replaced, not duplicated.
 */
export function buildGrant(input: BuildGrantInput): BuiltGrant {
  const memberId = memberIdFor(input.memberName, input.existing);
  const paths = accessPathsFor(input.envName, memberId);
  const ageFile = wrapKey(input.key, input.recipient, input.random);
  const grant = signGrant(
    {
      env: input.envName,
      memberId,
      memberName: input.memberName.trim(),
      recipient: input.recipient.text,
      kind: input.kind,
      ageFileSha256: sha256Of(ageFile),
      grantedBy: input.grantedBy,
      grantedAt: input.now.toISOString(),
    },
    input.key,
  );
  return { memberId, paths, ageFile, grantText: serializeGrant(grant), grant };
}
