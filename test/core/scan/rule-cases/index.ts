import type { RuleCase } from './case.js';
import { chatCases } from './chat.js';
import { ciPackageCases } from './ci-packages.js';
import { coreCases } from './core.js';
import { credentialCases } from './credentials.js';
import { commerceCases, emailCases } from './email-commerce.js';
import { aiPlatformCases, hostingCases } from './ai-hosting.js';
import { gitlabCases } from './gitlab.js';
import { identityCloudCases } from './identity-cloud.js';
import { observabilityCases } from './observability.js';

export type { RuleCase } from './case.js';

/** Every provider rule's true and false example, by rule id. */
export const ruleCases: Record<string, RuleCase> = {
  ...coreCases,
  ...gitlabCases,
  ...ciPackageCases,
  ...chatCases,
  ...emailCases,
  ...commerceCases,
  ...aiPlatformCases,
  ...hostingCases,
  ...observabilityCases,
  ...identityCloudCases,
  ...credentialCases,
};

/** The text a test scans for a case: a whole line, or `NAME=value` for a named value. */
export function caseLine(ruleCase: RuleCase, which: 'hit' | 'miss'): string {
  const value = ruleCase[which]();
  return ruleCase.name === undefined ? value : `${ruleCase.name}=${value}`;
}
