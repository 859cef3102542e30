import { isProviderFalseAlarm } from '../false-alarm.js';
import type { SecretRule } from '../types.js';
import { aiPlatformRules } from './ai-platforms.js';
import { aiRules } from './ai.js';
import { chatRules } from './chat.js';
import { ciPackageRules } from './ci-packages.js';
import { cloudRules } from './cloud.js';
import { commerceRules } from './commerce.js';
import { credentialRules } from './credentials.js';
import type { ProviderRule } from './define.js';
import { devtoolRules } from './devtools.js';
import { emailRules } from './email.js';
import { envguardKeyRules } from './envguard-keys.js';
import { githubRules } from './github.js';
import { gitlabRules } from './gitlab.js';
import { hostingRules } from './hosting.js';
import { identityCloudRules } from './identity-cloud.js';
import { messagingRules } from './messaging.js';
import { observabilityRules } from './observability.js';
import { paymentRules } from './payments.js';
import { sourceHostingRules } from './source-hosting.js';
import { structuredRules } from './structured.js';

/** Rules whose match holds structure that looks like filler (base64 of a key's zero bytes). */
const STRUCTURAL: Record<string, (secret: string) => string> = {
  'private-key': () => '',
  jwt: (secret) => secret.slice(secret.lastIndexOf('.') + 1),
};

/**
 * Gives every provider rule the same false-alarm judgement (filler, published examples) before
 * its own structural check, so `sk_live_xxxx…` or AWS's documented example key never alarms.
 */
function guarded(rule: ProviderRule): SecretRule {
  const part = STRUCTURAL[rule.id] ?? rule.fillerPart ?? ((secret: string) => secret);
  const own = rule.validate;
  return {
    id: rule.id,
    description: rule.description,
    keywords: rule.keywords,
    // Read through, so a builder's lazily built pattern stays unbuilt until a keyword needs it.
    get regex() {
      return rule.regex;
    },
    ...(rule.multiline ? { multiline: true } : {}),
    ...(rule.uuidSecret ? { uuidSecret: true } : {}),
    validate: (secret, match) => !isProviderFalseAlarm(secret, part(secret)) && (own === undefined || own(secret, match)),
  };
}

/**
 * Every provider-format rule, in reporting priority order (the generic rule is not here: it runs
 * last). A rule whose prefix another shares sits before it (Paystack before Stripe), and rules
 * recognised by a name (`contextual`) sit with their family after the prefixed ones.
 */
export const providerRules: readonly SecretRule[] = [
  ...githubRules,
  ...sourceHostingRules,
  ...gitlabRules,
  ...ciPackageRules,
  ...cloudRules,
  ...identityCloudRules,
  ...hostingRules,
  ...commerceRules,
  ...paymentRules,
  ...messagingRules,
  ...chatRules,
  ...emailRules,
  ...aiRules,
  ...aiPlatformRules,
  ...devtoolRules,
  ...observabilityRules,
  ...credentialRules,
  ...structuredRules,
  ...envguardKeyRules,
].map(guarded);
