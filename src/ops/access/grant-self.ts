import { buildGrant } from '../../core/access/index.js';
import { fingerprint, type FernetKey } from '../../core/key.js';
import { currentKeyEntry, sameText, type Ledger } from '../../core/ledger/index.js';
import { gitActor } from '../../io/git-actor.js';
import { ensureIdentity } from '../../io/identity.js';
import type { OpsContext } from '../context.js';
import { readEnvGrants } from './env-grants.js';
import { writeGrantFiles } from './write-grant.js';

/**
 * `init` makes whoever first runs it with the key the first member of the environment
 * (DESIGN.md, "Per-person access"): this machine's identity (created if needed) gets a grant,
 * granted by itself. Only when the environment has no grants at all and the key is the ledger's
 * current one; the files are written, not staged (init stages nothing). Returns the member id.
 */
export function grantFirstMember(ctx: OpsContext, root: string, environment: string, key: FernetKey, ledger: Ledger): string | undefined {
  if (readEnvGrants(root, environment).members.length > 0) return undefined;
  if (!sameText(fingerprint(key), currentKeyEntry(ledger).newKeyFingerprint)) return undefined;
  const identity = ensureIdentity(ctx);
  const actor = gitActor(ctx.git);
  const name = actor.email === 'unknown' ? actor.name : `${actor.name} <${actor.email}>`;
  const base = { envName: environment, key, memberName: name, recipient: identity.recipient, kind: 'person' as const, existing: new Map<string, string>(), now: ctx.now(), random: ctx.random };
  // The granter is the member being made: compute the id first, then sign with it.
  const memberId = buildGrant({ ...base, grantedBy: { memberId: '', gitActor: name } }).memberId;
  const built = buildGrant({ ...base, grantedBy: { memberId, gitActor: name } });
  writeGrantFiles(root, built);
  return built.memberId;
}
