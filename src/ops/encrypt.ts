import path from 'node:path';
import { failure } from '../errors.js';
import { parseDotenv } from '../core/dotenv/parse.js';
import { decryptEncryptedFile, encryptDocument, encryptWhole, parseEncryptedFile, type EncryptedFile } from '../core/encrypted-file.js';
import { encryptedPathFor, envNameOf } from '../core/env-files.js';
import { shortKeyId, type FernetKey } from '../core/key.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { readText, readTextIfExists } from '../io/read-file.js';
import type { OpsContext } from './context.js';
import { ENV_OP_MESSAGES as M } from './env-messages.js';
import { withoutConflictMarkers } from '../core/conflict-markers.js';

export interface EncryptInput {
  envPath?: string;
  encryptedPath?: string;
  /** `values` (format v2, one token per variable) or `whole` (one token, the legacy form). */
  format?: 'values' | 'whole';
  /** Replace an encrypted file that is under a different key. */
  force?: boolean;
  /** Use this key instead of looking one up (rotation, tests). */
  key?: FernetKey;
}

export interface EncryptResult {
  envPath: string;
  encryptedPath: string;
  keyId: string;
  variables: number;
  /** Entries whose token was kept because their text did not change. */
  reused: number;
  /** False when the encrypted file already matched and was left untouched. */
  written: boolean;
}

/** `.env` → `.env.encrypted`, keeping the token of every unchanged entry. */
export function encryptEnvFile(ctx: OpsContext, input: EncryptInput = {}): EncryptResult {
  const envPath = path.resolve(ctx.cwd, input.envPath ?? '.env');
  const encryptedPath = path.resolve(ctx.cwd, input.encryptedPath ?? encryptedPathFor(envPath));
  const display = path.relative(ctx.cwd, envPath) || envPath;
  const text = readText(envPath, `create ${display} first, or pass --env-path`);
  const doc = parseDotenv(text, display);
  const key = input.key ?? ctx.keys.require(envNameOf(envPath)).key;
  const keyId = shortKeyId(key);

  const previousText = readTextIfExists(encryptedPath);
  const previous = previousText === undefined ? undefined : parsePrevious(previousText, encryptedPath, ctx.cwd);
  if (previous?.format === 'values' && previous.keyId !== keyId && !input.force) {
    throw failure('KEY_MISMATCH', M.encryptUnderOtherKey(path.basename(encryptedPath), previous.keyId, keyId));
  }

  const now = Math.floor(ctx.now().getTime() / 1000);
  const output =
    input.format === 'whole'
      ? encryptWhole(text, key, { now, random: ctx.random })
      : encryptDocument(doc, key, { now, random: ctx.random, previous });

  // Never write a file we could not read back: decrypt what we made before it replaces anything.
  if (decryptEncryptedFile(parseEncryptedFile(output, encryptedPath), key, encryptedPath) !== text) {
    throw failure('VERIFY_FAILED', M.notRoundTrip(display));
  }
  const entries = doc.nodes.filter((node) => node.kind === 'entry');
  const reused = previous?.format === 'values' ? countReused(previous, output) : 0;
  const written = output !== previousText;
  if (written) writeFileAtomic(encryptedPath, output);
  return { envPath, encryptedPath, keyId, variables: entries.length, reused, written };
}

function parsePrevious(text: string, encryptedPath: string, cwd: string): EncryptedFile | undefined {
  for (const candidate of [text, withoutConflictMarkers(text)]) {
    try {
      return parseEncryptedFile(candidate, path.relative(cwd, encryptedPath));
    } catch {
      // a damaged previous file is replaced, not reused
    }
  }
  return undefined;
}

function countReused(previous: Extract<EncryptedFile, { format: 'values' }>, output: string): number {
  const tokens = new Set(previous.lines.flatMap((line) => (line.kind === 'entry' ? [line.token] : [])));
  return output.split('\n').filter((line) => tokens.has(line.slice(line.indexOf('=fernet:') + 8))).length;
}
