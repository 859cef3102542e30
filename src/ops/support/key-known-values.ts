import { formatKey, parseKey, shortKeyId, type FernetKey } from '../../core/key.js';
import type { KnownValue } from '../../core/scan/types.js';
import { identitySecrets } from '../../io/identity-secrets.js';
import { allStoredKeys } from '../../io/key-store.js';
import { readProjectId } from '../../io/project.js';
import type { OpsContext } from '../context.js';

/**
 * envguard's own secrets as known values for the scan: the project's current and retired Fernet
 * keys (key variables and the local key store) and this machine's identities. A commit holding
 * one of them is refused by name (`envguard key 1a2b3c4d…`), never by value.
 */
export function keyKnownValues(ctx: OpsContext, root: string = ctx.cwd): KnownValue[] {
  const keys = new Map<string, FernetKey>();
  for (const [name, text] of Object.entries(ctx.env)) {
    if (!/^(ENVGUARD_KEY(_[A-Z0-9_]+)?|SECRETS_MASTER_KEY)$/.test(name) || !text) continue;
    try {
      const key = parseKey(text, name);
      keys.set(formatKey(key), key);
    } catch {
      // a malformed variable is reported by the commands that use it
    }
  }
  const projectId = readProjectId(root);
  if (projectId !== undefined) {
    try {
      for (const key of allStoredKeys(ctx.env, projectId)) keys.set(formatKey(key), key);
    } catch {
      // an unreadable key store is reported by the commands that need a key
    }
  }
  const values: KnownValue[] = [...keys.entries()].map(([text, key]) => ({ name: `envguard key ${shortKeyId(key)}`, file: 'the key store', value: text }));
  identitySecrets(ctx.env).forEach((value, index) => values.push({ name: `age identity ${index + 1}`, file: 'this machine', value }));
  return values;
}
