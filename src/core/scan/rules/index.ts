import type { SecretRule } from '../types.js';
import { aiRules } from './ai.js';
import { cloudRules } from './cloud.js';
import { devtoolRules } from './devtools.js';
import { envguardKeyRules } from './envguard-keys.js';
import { githubRules } from './github.js';
import { messagingRules } from './messaging.js';
import { paymentRules } from './payments.js';
import { sourceHostingRules } from './source-hosting.js';
import { structuredRules } from './structured.js';

/** Every provider-format rule, in reporting priority order (the generic rule is not here: it runs last). */
export const providerRules: readonly SecretRule[] = [
  ...githubRules,
  ...sourceHostingRules,
  ...cloudRules,
  ...paymentRules,
  ...messagingRules,
  ...aiRules,
  ...devtoolRules,
  ...structuredRules,
  ...envguardKeyRules,
];
