import { PLAINTEXT_IN_ENCRYPTED_RULE_ID } from './encrypted-file-rule.js';
import { GENERIC_RULE_ID } from './generic-rule.js';
import { providerRules } from './rules/index.js';
import { KNOWN_VALUE_RULE_ID } from './scanner.js';

/** Every rule id the scan can report, with a one-line description (SARIF rule metadata, `--help`). */
export interface RuleInfo {
  id: string;
  description: string;
}

export function ruleCatalog(): RuleInfo[] {
  return [
    { id: KNOWN_VALUE_RULE_ID, description: "A value of one of the project's own env variables" },
    { id: PLAINTEXT_IN_ENCRYPTED_RULE_ID, description: 'A plaintext line in an encrypted env file' },
    ...providerRules.map(({ id, description }) => ({ id, description })),
    { id: GENERIC_RULE_ID, description: 'A high-entropy value assigned to a secret-looking name' },
  ];
}
