import type { SecretRule } from '../types.js';

/**
 * envguard's own secrets in source: a Fernet key assigned to one of the names that hold one
 * (DESIGN.md, Keys: `ENVGUARD_KEY`, `ENVGUARD_KEY_<NAME>`, `SECRETS_MASTER_KEY`, and the
 * `FERNET_KEY` of the Python system it descends from). An age identity (`AGE-SECRET-KEY-1…`) is
 * found by the `age-secret-key` rule in structured.ts.
 */

/** A Fernet key is 32 bytes in base64url with padding: 43 characters and `=`, decoding to 32 bytes. */
function isFernetKey(secret: string): boolean {
  return Buffer.from(secret, 'base64url').length === 32;
}

export const envguardKeyRules: readonly SecretRule[] = [
  {
    id: 'fernet-key',
    description: 'Fernet key (an envguard or SecretsManager master key)',
    keywords: ['fernet_key', 'secrets_master_key', 'envguard_key'],
    regex: /\b(?:[A-Z0-9_]*FERNET_KEY|SECRETS_MASTER_KEY|ENVGUARD_KEY(?:_[A-Z0-9_]+)?)\b["'\]]{0,2}\s*(?::=|=>|[:=])\s*[bfr]?["'`]?([A-Za-z0-9_-]{43}=)(?![A-Za-z0-9_=-])/i,
    validate: isFernetKey,
  },
];
