import { printable } from '../../core/text/printable.js';
import { failure } from '../../errors.js';
import { buildGrant } from '../../core/access/index.js';
import { parseRecipient } from '../../core/age/index.js';
import { gitActor } from '../../io/git-actor.js';
import { findIdentities } from '../../io/identity.js';
import { crashInjector } from '../../io/test-crash.js';
import type { OpsContext } from '../context.js';
import { accessEnvironments, currentEnvironmentKey } from './environment-key.js';
import { memberNames, parsedGrants, readEnvGrants } from './env-grants.js';
import { ACCESS_MESSAGES } from './access-messages.js';
import { stageAccessDir, writeGrantFiles } from './write-grant.js';

export interface GrantOptions {
  /** `age1…` or `ssh-ed25519 AAAA… [comment]`. */
  recipient: string;
  name: string;
  environment?: string;
  all?: boolean;
  ci?: boolean;
}

export interface GrantResult {
  environment: string;
  memberId: string;
  /** Repository-relative, staged. */
  files: string[];
  /** True when the member had a grant already (it was replaced). */
  replaced: boolean;
}

/**
 * `envguard access grant`: wraps each environment's current key for the recipient, signs the
 * grant with that key's ledger signing key, writes both files and stages them. Everything is
 * checked for every environment before anything is written.
 */
export function grantAccess(ctx: OpsContext, options: GrantOptions): GrantResult[] {
  const recipient = parseRecipient(options.recipient);
  const name = printable(options.name).trim();
  if (name === '') throw failure('USAGE', ACCESS_MESSAGES.nameMissing());
  const root = ctx.repo.root;
  const environments = accessEnvironments(root, options);
  const actor = gitActor(ctx.git);
  const mine = new Set((findIdentities({ ...ctx, log: ctx.log }) ?? { identities: [] }).identities.map((identity) => identity.recipient.text));
  const plans = environments.map((environment) => {
    const { key } = currentEnvironmentKey(ctx, root, environment);
    const grants = readEnvGrants(root, environment);
    const existing = memberNames(grants);
    for (const [id, grant] of parsedGrants(grants)) {
      if (grant.recipient === recipient.text && grant.memberName !== name) {
        throw failure('USAGE', ACCESS_MESSAGES.recipientIsMember(environment, id));
      }
    }
    const granter = [...parsedGrants(grants)].find(([, grant]) => mine.has(grant.recipient));
    return { environment, key, existing, replaced: [...existing.values()].includes(name), grantedBy: { memberId: granter?.[0] ?? '', gitActor: `${actor.name} <${actor.email}>` } };
  });
  const crash = crashInjector(ctx.env);
  return plans.map((plan) => {
    const built = buildGrant({ envName: plan.environment, key: plan.key, memberName: name, recipient, kind: options.ci ? 'ci' : 'person', existing: plan.existing, grantedBy: plan.grantedBy, now: ctx.now(), random: ctx.random });
    writeGrantFiles(root, built, crash);
    stageAccessDir(ctx.git, root, built.paths.dir);
    return { environment: plan.environment, memberId: built.memberId, files: [built.paths.age, built.paths.grant], replaced: plan.replaced };
  });
}
