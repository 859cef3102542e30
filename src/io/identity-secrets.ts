import { readFileSync } from 'node:fs';
import { identityPath } from './identity.js';

/**
 * This machine's age identities as secret strings, only so the scan can look for them (DESIGN.md,
 * Enforcement: known values include identities). Read from `ENVGUARD_IDENTITY`,
 * `ENVGUARD_IDENTITY_FILE` and `$ENVGUARD_HOME/identity.txt` (age-keygen's format: `#` comments,
 * one `AGE-SECRET-KEY-1…` per line). A missing or unreadable file is simply no identity: the
 * access commands report such problems; the scan must not fail because of them. (identity.ts parses
 * identities into openers that never expose the secret text; the scan needs exactly that text.)
 */
export function identitySecrets(env: NodeJS.ProcessEnv): string[] {
  const found = new Set<string>();
  const take = (text: string | undefined) => {
    for (const line of (text ?? '').split('\n')) {
      const trimmed = line.trim();
      if (/^AGE-SECRET-KEY-1[0-9A-Z]+$/.test(trimmed)) found.add(trimmed);
    }
  };
  take(env.ENVGUARD_IDENTITY);
  for (const file of [env.ENVGUARD_IDENTITY_FILE, identityPath(env)]) {
    if (!file) continue;
    try {
      take(readFileSync(file, 'utf8'));
    } catch {
      // no identity here
    }
  }
  return [...found];
}
