import path from 'node:path';
import { EnvguardError, failure } from '../errors.js';
import { decryptEncryptedFile, parseEncryptedFile } from '../core/encrypted-file.js';
import { envNameOf, plaintextPathFor } from '../core/env-files.js';
import { shortKeyId, type FernetKey } from '../core/key.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { readText, readTextIfExists } from '../io/read-file.js';
import type { OpsContext } from './context.js';
import { ENV_OP_MESSAGES as M } from './env-messages.js';
import { describeKeyChange } from './support/key-change.js';

export interface DecryptInput {
  encryptedPath?: string;
  envPath?: string;
  /** Return the plaintext instead of writing it. */
  stdout?: boolean;
  /** Overwrite a `.env` that differs from what would be written. */
  force?: boolean;
  key?: FernetKey;
}

export interface DecryptResult {
  encryptedPath: string;
  envPath: string;
  keyId: string;
  /** The plaintext, only when asked for with `stdout`. */
  text?: string;
  /** 'written', 'unchanged' (the file already matched) or 'stdout'. */
  outcome: 'written' | 'unchanged' | 'stdout';
}

/** `.env.encrypted` → `.env`; a `.env` with local edits is never overwritten without `force`. */
export function decryptEnvFile(ctx: OpsContext, input: DecryptInput = {}): DecryptResult {
  const encryptedPath = path.resolve(ctx.cwd, input.encryptedPath ?? '.env.encrypted');
  const envPath = path.resolve(ctx.cwd, input.envPath ?? plaintextPathFor(encryptedPath));
  const display = path.relative(ctx.cwd, encryptedPath) || encryptedPath;
  const file = parseEncryptedFile(readText(encryptedPath, 'pass --encrypted-path, or run `envguard encrypt` first'), display);
  const key = input.key ?? ctx.keys.require(envNameOf(envPath)).key;
  if (file.format === 'values' && file.keyId !== shortKeyId(key)) {
    // Most often a teammate rotated: say who and when (from the ledger) rather than just "wrong key".
    const change = describeKeyChange(ctx, path.relative(ctx.cwd, envPath) || envPath, file.keyId);
    throw new EnvguardError('KEY_MISMATCH', M.notDecrypted(display, change.message), { hint: change.hint });
  }
  const text = decryptEncryptedFile(file, key, display);
  const keyId = shortKeyId(key);
  if (input.stdout) return { encryptedPath, envPath, keyId, text, outcome: 'stdout' };

  const current = readTextIfExists(envPath);
  if (current === text) return { encryptedPath, envPath, keyId, outcome: 'unchanged' };
  if (current !== undefined && !input.force) {
    const name = path.relative(ctx.cwd, envPath) || envPath;
    throw failure('LOCAL_CHANGES', M.localEdits(name, display));
  }
  writeFileAtomic(envPath, text, { mode: 0o600 });
  return { encryptedPath, envPath, keyId, outcome: 'written' };
}
