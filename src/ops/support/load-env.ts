import path from 'node:path';
import { parseDotenv } from '../../core/dotenv/parse.js';
import { decryptEncryptedFile, parseEncryptedFile } from '../../core/encrypted-file.js';
import { envNameOf, isEncryptedEnvFile, isPlaintextEnvFile, plaintextPathFor } from '../../core/env-files.js';
import { readTextIfExists, listDirectory } from '../../io/read-file.js';
import type { OpsContext } from '../context.js';

export interface LoadedEnv {
  envName: string;
  /** Path relative to ctx.cwd. */
  file: string;
  entries: Array<{ name: string; value: string }>;
}

export interface LoadOptions {
  /** Only these environments (default: all found). */
  envNames?: readonly string[];
  /** Read plaintext `.env*` files too (the scan wants them; `run` and `config()` use only encrypted ones by default). */
  includePlaintext?: boolean;
  /**
   * With `includePlaintext`: skip decrypting an encrypted file whose plaintext file is present (the
   * pre-commit hook has just made the two agree, and decrypting again is most of the scan's cost).
   */
  preferPlaintext?: boolean;
}

/**
 * Every env file envguard can read in the project root: encrypted files it has a key for, and
 * (optionally) plaintext ones. Files it cannot read are skipped here; commands that need a
 * specific environment use `decryptEnvFile` and get the precise error.
 */
export function loadProjectEnvs(ctx: OpsContext, options: LoadOptions = {}): LoadedEnv[] {
  const names = listDirectory(ctx.cwd).sort();
  const wanted = (file: string) => options.envNames === undefined || options.envNames.includes(envNameOf(file));
  const loaded: LoadedEnv[] = [];
  const present = new Set(names);
  const skipDecrypt = (name: string) => Boolean(options.includePlaintext && options.preferPlaintext && present.has(plaintextPathFor(name)));
  for (const name of names.filter((n) => isEncryptedEnvFile(n) && wanted(plaintextPathFor(n)) && !skipDecrypt(n))) {
    const envPath = plaintextPathFor(name);
    const resolved = safely(() => ctx.keys.current(envNameOf(envPath)));
    const text = readTextIfExists(path.join(ctx.cwd, name));
    if (!resolved || text === undefined) continue;
    const plaintext = safely(() => decryptEncryptedFile(parseEncryptedFile(text, name), resolved.key, name));
    if (plaintext === undefined) {
      ctx.log.debug(`could not decrypt ${name} with the key from ${resolved.source}; skipped`);
      continue;
    }
    loaded.push({ envName: envNameOf(envPath), file: name, entries: entriesOf(plaintext, envPath) });
  }
  if (options.includePlaintext) {
    for (const name of names.filter((n) => isPlaintextEnvFile(n) && wanted(n))) {
      const text = readTextIfExists(path.join(ctx.cwd, name));
      const entries = text === undefined ? undefined : safely(() => entriesOf(text, name));
      if (entries) loaded.push({ envName: envNameOf(name), file: name, entries });
    }
  }
  return loaded;
}

function entriesOf(text: string, fileName: string): Array<{ name: string; value: string }> {
  return parseDotenv(text, fileName).nodes.flatMap((node) => (node.kind === 'entry' ? [{ name: node.name, value: node.value }] : []));
}

function safely<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}
