import path from 'node:path';
import { parseDotenv } from '../core/dotenv/parse.js';
import { decryptEncryptedFile, encryptDocument, parseEncryptedFile, type EncryptedFile } from '../core/encrypted-file.js';
import { checkEnvName, encryptedPathFor, envFileFor, envNameOf, ledgerPathFor } from '../core/env-files.js';
import { shortKeyId, type FernetKey } from '../core/key.js';
import { EnvguardError, failure } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { findLedgerEnvironments } from '../io/ledger-file.js';
import { pathExists, readTextIfExists } from '../io/read-file.js';
import { stateDirIn, writePendingSyncState } from '../io/sync-state.js';
import { withCwd, type OpsContext } from './context.js';
import { ENV_OP_MESSAGES as M } from './env-messages.js';
import { describeKeyChange } from './support/key-change.js';

/** One managed environment at the repository top, as `set`/`unset`/`edit`/`get` work on it. */
export interface EnvTarget {
  /** The context with `cwd` at the repository top (where env files and ledgers live). */
  ctx: OpsContext;
  envName: string;
  /** `.env`, `.env.staging`, … relative to the top. */
  envFile: string;
  encryptedFile: string;
}

/** The environment `envName` of the repository around `ctx.cwd`; refuses one `init` never made. */
export function envTarget(ctx: OpsContext, envName = 'default'): EnvTarget {
  checkEnvName(envName);
  const root = ctx.repo.root;
  const envFile = envFileFor(envName);
  const encryptedFile = encryptedPathFor(envFile);
  if (!pathExists(path.join(root, encryptedFile)) && !pathExists(path.join(root, ledgerPathFor(envFile)))) {
    const known = findLedgerEnvironments(root);
    throw failure('NOT_FOUND', M.noSuchEnvironment(envName, encryptedFile, known));
  }
  return { ctx: withCwd(ctx, root), envName, envFile, encryptedFile };
}

/** The environment's current text (`.env`, or the decrypted file when `.env` is not there yet) and its key. */
export function currentEnvText(target: EnvTarget): { text: string; key: FernetKey; previous: EncryptedFile | undefined } {
  const { ctx, envFile, encryptedFile } = target;
  const { key } = ctx.keys.require(envNameOf(envFile));
  const previous = readPrevious(target, key);
  const local = readTextIfExists(path.join(ctx.cwd, envFile));
  if (local !== undefined) return { text: local, key, previous };
  if (!previous) throw failure('NOT_FOUND', M.noEnvFiles(envFile, encryptedFile));
  return { text: decryptEncryptedFile(previous, key, encryptedFile), key, previous };
}

/**
 * Writes the new `.env` text and its encryption (each atomically), remembers both as in sync so
 * the pre-commit hook sees nothing left to do, and stages the encrypted file: the next plain
 * `git commit` commits the change (git decides "nothing to commit" before any hook runs).
 */
export function writeEnvChange(target: EnvTarget, text: string, key: FernetKey, previous: EncryptedFile | undefined): void {
  const { ctx, envFile, encryptedFile } = target;
  const doc = parseDotenv(text, envFile);
  const now = Math.floor(ctx.now().getTime() / 1000);
  const encrypted = encryptDocument(doc, key, { now, random: ctx.random, previous });
  // Never write a file we could not read back.
  if (decryptEncryptedFile(parseEncryptedFile(encrypted, encryptedFile), key, encryptedFile) !== text) {
    throw failure('VERIFY_FAILED', M.notRoundTrip(envFile));
  }
  // The ciphertext first: if writing .env then fails, the pre-commit hook still sees .env as edited.
  writeFileAtomic(path.join(ctx.cwd, encryptedFile), encrypted);
  writeFileAtomic(path.join(ctx.cwd, envFile), text, { mode: 0o600 });
  // Staged, not committed: the sync state moves on in post-commit (issue 16.6).
  writePendingSyncState(stateDirIn(ctx.repo.gitDir), envFile, text, encrypted);
  ctx.git.exec(['update-index', '--add', '--', encryptedFile]);
}

function readPrevious(target: EnvTarget, key: FernetKey): EncryptedFile | undefined {
  const { ctx, envFile, encryptedFile } = target;
  const text = readTextIfExists(path.join(ctx.cwd, encryptedFile));
  if (text === undefined) return undefined;
  const previous = parseEncryptedFile(text, encryptedFile);
  if (previous.format === 'values' && previous.keyId !== shortKeyId(key)) {
    // Someone rotated: re-encrypting under the old key would undo their rotation (KEY_MISMATCH, as in encrypt and decrypt).
    const change = describeKeyChange(ctx, envFile, previous.keyId);
    throw new EnvguardError('KEY_MISMATCH', M.cannotChange(envFile, change.message), { hint: change.hint });
  }
  return previous;
}
