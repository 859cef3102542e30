import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseDotenv } from './core/dotenv/parse.js';
import { entryValues } from './core/dotenv/entry.js';
import { decryptEncryptedFile, encryptDocument, encryptWhole, parseEncryptedFile } from './core/encrypted-file.js';
import { envFileFor, envNameOf, plaintextPathFor } from './core/env-files.js';
import { parseKey, type FernetKey } from './core/key.js';
import { readText } from './io/read-file.js';
import { EnvguardError } from './errors.js';
import { addMaskedValues } from './mask.js';
import { defaultContext } from './ops/context.js';

export interface ConfigOptions {
  /** The encrypted file (default `.env.encrypted`, or the one for `env`). */
  path?: string;
  /** Environment name (`production` reads `.env.production.encrypted`); default `default`. */
  env?: string;
  /** Overwrite variables already set in `process.env` (default false: the real environment wins). */
  override?: boolean;
  /** Use this key text instead of the lookup (`ENVGUARD_KEY_<NAME>`, `ENVGUARD_KEY`, key store, keyCommand). */
  key?: string;
  /** Where to put the variables (default `process.env`). */
  processEnv?: Record<string, string | undefined>;
  /** Throw when the encrypted file is missing (default false: warn and load nothing, as dotenv does). */
  required?: boolean;
  /** No warning on stderr when the encrypted file is missing (the result still carries `error`). */
  quiet?: boolean;
}

/** What `config()` loaded; `error` is set (and nothing loaded) when the encrypted file is missing. */
export interface ConfigResult {
  parsed: Record<string, string>;
  error?: EnvguardError;
}

/**
 * Loads `.env.encrypted` into `process.env` at run time, so production needs no plaintext file.
 * Returns the parsed variables. Throws `EnvguardError` (never containing a value) on failure.
 */
export function config(options: ConfigOptions = {}): ConfigResult {
  const ctx = defaultContext({ root: process.cwd() });
  const encryptedPath = path.resolve(ctx.cwd, options.path ?? `${envFileFor(options.env ?? 'default')}.encrypted`);
  if (!existsSync(encryptedPath)) {
    const error = new EnvguardError('NOT_FOUND', `${path.relative(ctx.cwd, encryptedPath) || encryptedPath} does not exist; no variables loaded`, {
      hint: 'commit it with `envguard init`, pass { path } or { env }, or { required: true } to make this an error',
    });
    if (options.required) throw error;
    if (!options.quiet) process.emitWarning(`envguard: ${error.message}`, { code: 'ENVGUARD_NO_ENCRYPTED_FILE' });
    return { parsed: {}, error };
  }
  const envPath = plaintextPathFor(encryptedPath);
  const key = options.key !== undefined ? parseKey(options.key) : ctx.keys.require(envNameOf(envPath)).key;
  const name = path.basename(encryptedPath);
  const text = decryptEncryptedFile(parseEncryptedFile(readText(encryptedPath, 'commit .env.encrypted or pass { path }'), name), key, name);
  const parsed = parse(text);
  // What the app loads, `mask()` hides: the same values envguard run would mask in its output.
  addMaskedValues(
    Object.entries(parsed).map(([name, value]) => ({ name, value })),
    ctx.config, // its sensitiveNames and publicNames
  );
  const target = options.processEnv ?? process.env;
  for (const [variable, value] of Object.entries(parsed)) {
    if (options.override || target[variable] === undefined) target[variable] = value;
  }
  return { parsed };
}

/** Parses `.env` text into name → value (last duplicate wins), as `dotenv.parse` does. */
export function parse(text: string): Record<string, string> {
  return Object.fromEntries(entryValues(parseDotenv(text)));
}

/** Encrypts `.env` text into format v2 (or the legacy whole-file token), with a key's text form. */
export function encrypt(envText: string, keyText: string, options: { format?: 'values' | 'whole'; previous?: string } = {}): string {
  const key = parseKey(keyText);
  const now = Math.floor(Date.now() / 1000);
  if (options.format === 'whole') return encryptWhole(envText, key, { now, random: randomBytes });
  const previous = options.previous === undefined ? undefined : parseEncryptedFile(options.previous, '.env.encrypted');
  return encryptDocument(parseDotenv(envText), key, { now, random: randomBytes, previous });
}

/** Decrypts `.env.encrypted` text (either form) back to the exact `.env` text. */
export function decrypt(encryptedText: string, keyText: string | FernetKey): string {
  const key = typeof keyText === 'string' ? parseKey(keyText) : keyText;
  return decryptEncryptedFile(parseEncryptedFile(encryptedText, '.env.encrypted'), key, '.env.encrypted');
}

