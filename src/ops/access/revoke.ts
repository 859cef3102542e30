import { printable } from '../../core/text/printable.js';
import { failure } from '../../errors.js';
import type { OpsContext } from '../context.js';
import { rotate, type RotateResult } from '../rotate.js';
import { accessEnvironments } from './environment-key.js';
import { parsedGrants, readEnvGrants } from './env-grants.js';
import { ACCESS_MESSAGES } from './access-messages.js';

export interface RevokeOptions {
  /** Member id (as `access list` shows it) or exact member name. */
  member: string;
  environment?: string;
  all?: boolean;
  reason: string;
}

/**
 * `envguard access revoke`: revocation is rotation. For each environment the member belongs to,
 * the crash-safe rotation runs with that member left out: new key, every file re-encrypted and
 * verified, the new key wrapped for everyone else, the member's files deleted, and the ledger
 * entry naming who was revoked and who re-wrapped, by whom and why. There is no remove-without-rotating.
 * Every environment is checked (member known, not the last one) before any rotation starts.
 */
export function revokeAccess(ctx: OpsContext, options: RevokeOptions): RotateResult[] {
  const reason = printable(options.reason).trim();
  if (reason === '') throw failure('USAGE', ACCESS_MESSAGES.reasonMissing());
  const root = ctx.repo.root;
  const targets: Array<{ environment: string; memberId: string }> = [];
  for (const environment of accessEnvironments(root, options)) {
    const grants = [...parsedGrants(readEnvGrants(root, environment))];
    const match = grants.find(([id]) => id === options.member) ?? grants.find(([, grant]) => grant.memberName === options.member.trim());
    if (match) {
      if (grants.length === 1) throw failure('USAGE', ACCESS_MESSAGES.lastMember(match[0], environment));
      targets.push({ environment, memberId: match[0] });
    } else if (!options.all) {
      throw failure('USAGE', ACCESS_MESSAGES.noSuchMember(options.member, environment));
    }
  }
  if (targets.length === 0) throw failure('USAGE', ACCESS_MESSAGES.noSuchMember(options.member));
  // One rotate call: every environment passes its checks (key, files, grants) before any changes.
  return rotate(ctx, { reason, revoke: Object.fromEntries(targets.map((target) => [target.environment, [target.memberId]])) });
}
