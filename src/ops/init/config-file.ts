import { pathExists } from '../../io/read-file.js';
import path from 'node:path';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { CONFIG_FILE } from '../../io/config.js';

/** Where editors find the schema of `.envguard.json` in a project that installed envguard. */
export const CONFIG_SCHEMA_REF = './node_modules/envguard/templates/config.schema.json';

/**
 * Creates `.envguard.json` holding only its `$schema` line, so editors validate and complete the
 * settings (docs/configuration.md) from the first edit. An existing file is never rewritten:
 * its formatting and comments-by-convention are the team's.
 */
export function ensureConfigFile(root: string): boolean {
  const file = path.join(root, CONFIG_FILE);
  if (pathExists(file)) return false;
  writeFileAtomic(file, `${JSON.stringify({ $schema: CONFIG_SCHEMA_REF }, null, 2)}\n`);
  return true;
}
