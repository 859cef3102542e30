import { isPlaintextEnvFile } from '../core/env-files.js';
import type { OpsContext } from '../ops/context.js';
import { keyKnownValues } from '../ops/support/key-known-values.js';
import { loadProjectEnvs } from '../ops/support/load-env.js';
import type { StagedCheck, StagedCheckResult } from './pre-commit.js';

/** The names that hold an envguard key (DESIGN.md, Keys): they belong in the shell or CI, never in `.env`. */
const KEY_VARIABLE = /^(ENVGUARD_KEY(_[A-Za-z0-9_]+)?|SECRETS_MASTER_KEY)$/;

/**
 * A pre-commit check: the key must not be inside `.env` itself. It would be encrypted with
 * itself and committed, so everyone who can read the repository could later find it in a
 * decrypted copy, a `run` child's environment or a backup; and whoever holds the key holds it
 * twice. Refuses a key variable name, or any value that is one of the project's keys or identities.
 */
export const keyInEnvCheck: StagedCheck = (ctx: OpsContext): StagedCheckResult => {
  const secrets = new Set(keyKnownValues(ctx).map((known) => known.value));
  const refusals: StagedCheckResult['refusals'] = [];
  for (const env of loadProjectEnvs(ctx, { includePlaintext: true, preferPlaintext: true })) {
    if (!isPlaintextEnvFile(env.file)) continue;
    for (const entry of env.entries) {
      if (!KEY_VARIABLE.test(entry.name) && !secrets.has(entry.value.trim())) continue;
      refusals.push({
        code: 'SECRET_FOUND',
        file: env.file,
        message: `${entry.name} holds an envguard key or identity: the key cannot live in the file it encrypts`,
        hint: `delete the ${entry.name}=… line from ${env.file}; keep the key in the key store (\`envguard key import\`) or as ENVGUARD_KEY in your shell or CI secrets`,
      });
    }
  }
  return { refusals, warnings: [] };
};
