import { timingSafeEqual } from 'node:crypto';
import { EnvguardError } from '../../errors.js';
import { AgeError, type AgeIdentity } from '../age/index.js';
import { fingerprint, type FernetKey } from '../key.js';
import { parseGrant } from './parse-grant.js';
import { describeGrantProblem, verifyGrant } from './verify-grant.js';
import { accessPathsFor } from './access-paths.js';
import { unwrapKey } from './wrapped-key.js';

export interface OpenAccessInput {
  envName: string;
  memberId: string;
  grantText: string;
  ageFile: Uint8Array;
  identities: AgeIdentity[];
  /** From the verified ledger: the current entry's public key and key fingerprint. */
  ledgerPublicKey: string;
  currentFingerprint: string;
}

/**
 * The key-lookup step after the key store: opens a member's access file, but only once its grant
 * is signed by the environment's current key for the current fingerprint, the `.age` file is the
 * one signed for, and the key inside is that fingerprint. Anything else is refused, never used:
 * otherwise whoever can push could plant a key. Returns undefined when the file is simply not for
 * these identities (try the next member's file).
 */
export function openAccessFile(input: OpenAccessInput): FernetKey | undefined {
  const paths = accessPathsFor(input.envName, input.memberId);
  const parsed = parseGrant(input.grantText);
  if ('reason' in parsed) throw new EnvguardError('VERIFY_FAILED', `${paths.grant} ${parsed.reason}`, { hint: 'restore it from git, or delete it and grant again' });
  const problem = verifyGrant(parsed.grant, input.ageFile, input.ledgerPublicKey, input.currentFingerprint, { envName: input.envName, memberId: input.memberId });
  if (problem) {
    const { message, hint } = describeGrantProblem(problem, paths.grant);
    throw new EnvguardError('VERIFY_FAILED', message, { hint: `${hint} (\`envguard verify\` shows every grant)` });
  }
  let key: FernetKey;
  try {
    key = unwrapKey(input.ageFile, input.identities, paths.age);
  } catch (error) {
    if (error instanceof AgeError && error.failure === 'no-match') return undefined;
    if (error instanceof AgeError) throw new EnvguardError('VERIFY_FAILED', `${paths.age} ${error.message.replace(/^the file /, '')}`, { hint: 'restore it from git or ask a member to grant access again', cause: error });
    throw error;
  }
  // A signed grant whose file holds another key means the granter wrapped the wrong key: refuse.
  const got = Buffer.from(fingerprint(key));
  const want = Buffer.from(input.currentFingerprint);
  if (got.length !== want.length || !timingSafeEqual(got, want)) {
    throw new EnvguardError('VERIFY_FAILED', `${paths.age} holds a key other than the environment's current one`, { hint: 'ask a member to grant access again' });
  }
  return key;
}
