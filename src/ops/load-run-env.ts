import path from 'node:path';
import { parseDotenv } from '../core/dotenv/parse.js';
import { encryptedPathFor, envFileFor } from '../core/env-files.js';
import { failure } from '../errors.js';
import { readTextIfExists } from '../io/read-file.js';
import type { OpsContext } from './context.js';
import { ENV_OP_MESSAGES as M } from './env-messages.js';
import { decryptEnvFile } from './decrypt.js';
import type { RunVariable } from './run.js';

/**
 * The variables of the named environments, decrypted from their `.env*.encrypted` files (never
 * from plaintext: `run` must work where no plaintext file exists). Unlike `loadProjectEnvs`, an
 * environment that was asked for and cannot be read is an error that names the fix.
 */
export function loadRunVariables(ctx: OpsContext, envNames: readonly string[]): RunVariable[] {
  const variables: RunVariable[] = [];
  for (const envName of envNames) {
    const envPath = envFileFor(envName);
    const encryptedPath = encryptedPathFor(envPath);
    if (readTextIfExists(path.join(ctx.cwd, encryptedPath)) === undefined) {
      throw failure('NOT_FOUND', M.runMissing(encryptedPath, envName, envPath));
    }
    const { text = '' } = decryptEnvFile(ctx, { encryptedPath, stdout: true });
    const display = path.basename(encryptedPath);
    for (const node of parseDotenv(text, display).nodes) {
      if (node.kind === 'entry') variables.push({ name: node.name, value: node.value });
    }
  }
  return variables;
}
