import { chmodSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EnvguardError } from '../errors.js';
import { fingerprint, formatKey, parseKey, type FernetKey } from '../core/key.js';
import { envFlag, keyVariableFor } from '../core/env-files.js';
import { writeFileAtomic } from './atomic-write.js';

/** A key and where it came from. Keys never live in the working tree and never appear in messages. */
export interface ResolvedKey {
  key: FernetKey;
  /** Where it came from, for messages: a variable name, `key store` or `keyCommand`. */
  source: string;
}

/** `$ENVGUARD_HOME`, else `${XDG_CONFIG_HOME:-~/.config}/envguard`. */
export function keyStoreHome(env: NodeJS.ProcessEnv): string {
  if (env.ENVGUARD_HOME) return path.resolve(env.ENVGUARD_HOME);
  const config = env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), '.config');
  return path.join(config, 'envguard');
}

/** Variables consulted for an environment, in order. */
export function keyVariablesFor(envName: string): string[] {
  return envName === 'default' ? [keyVariableFor('default'), 'ENVGUARD_KEY', 'SECRETS_MASTER_KEY'] : [keyVariableFor(envName)];
}

export function missingKeyError(envName: string): EnvguardError {
  const variable = envName === 'default' ? 'ENVGUARD_KEY' : keyVariablesFor(envName)[0];
  return new EnvguardError('KEY_MISSING', `no key for environment "${envName}" on this machine`, {
    hint: `ask a teammate to run \`envguard key export${envFlag(envName)}\` and run \`envguard key import${envFlag(envName)}\`, or set ${variable}`,
  });
}

/** Saves the current key of an environment (0600). A replaced key is kept as retired first. */
export function saveKey(env: NodeJS.ProcessEnv, projectId: string, envName: string, key: FernetKey): string {
  const home = keyStoreHome(env);
  const file = currentKeyPath(home, projectId, envName);
  const previous = readStoredKey(file);
  if (previous && !previous.raw.equals(key.raw)) retireKey(env, projectId, previous);
  ensurePrivateDir(path.dirname(file));
  writeFileAtomic(file, `${formatKey(key)}\n`, { mode: 0o600 });
  return file;
}

/** Keeps a key by fingerprint so old history stays readable after a rotation. */
export function retireKey(env: NodeJS.ProcessEnv, projectId: string, key: FernetKey): string {
  const dir = path.join(keyStoreHome(env), safeSegment(projectId), 'retired');
  ensurePrivateDir(dir);
  const file = path.join(dir, `${fingerprint(key).slice('sha256:'.length)}.key`);
  writeFileAtomic(file, `${formatKey(key)}\n`, { mode: 0o600 });
  return file;
}

/** Every key this machine holds for a project (current and retired), for reading old history. */
export function allStoredKeys(env: NodeJS.ProcessEnv, projectId: string): FernetKey[] {
  const dir = path.join(keyStoreHome(env), safeSegment(projectId));
  const keys: FernetKey[] = [];
  for (const sub of [dir, path.join(dir, 'retired')]) {
    let names: string[];
    try {
      names = readdirSync(sub);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => n.endsWith('.key'))) {
      const key = readStoredKey(path.join(sub, name));
      if (key) keys.push(key);
    }
  }
  return keys;
}

export function currentKeyPath(home: string, projectId: string, envName: string): string {
  return path.join(home, safeSegment(projectId), `${safeSegment(envName)}.key`);
}

export function readStoredKey(file: string): FernetKey | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new EnvguardError('IO_ERROR', `could not read the key store file ${file}`, { cause: error });
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
    throw new EnvguardError('KEY_INVALID', `the key file ${file} can be read by other users`, { hint: `run \`chmod 600 ${file}\`` });
  }
  return parseKey(text, `the key file ${file}`);
}

function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(dir, 0o700);
}

/** Project ids and environment names become path segments: never let one climb out. */
function safeSegment(segment: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(segment) || segment === '.' || segment === '..') {
    throw new EnvguardError('USAGE', `"${segment}" is not a valid project id or environment name`, {
      hint: 'use letters, digits, ".", "_" and "-" only',
    });
  }
  return segment;
}

/**
 * What this machine has seen of a project's ledger (DESIGN.md, Ledger: anchored), kept beside
 * the project's keys as `<project id>/<env>.ledger-seen.json`: the genesis hash, the number of
 * entries and the last entry's hash. Holds no secret; lets a replaced or shortened ledger be
 * refused even where every signature in it verifies.
 */
export interface SeenLedger {
  genesisHash: string;
  entries: number;
  headHash: string;
}

/** The ledger this machine last recorded for a project's environment, or undefined if none. */
export function readSeenLedger(env: NodeJS.ProcessEnv, projectId: string, envName: string): SeenLedger | undefined {
  let data: Partial<SeenLedger>;
  try {
    data = JSON.parse(readFileSync(seenLedgerPath(env, projectId, envName), 'utf8')) as Partial<SeenLedger>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new EnvguardError('IO_ERROR', `could not read ${seenLedgerPath(env, projectId, envName)}`, { hint: 'check the file, or delete it to trust the current ledger again', cause: error });
  }
  if (typeof data.genesisHash !== 'string' || typeof data.headHash !== 'string' || !Number.isInteger(data.entries)) {
    throw new EnvguardError('IO_ERROR', `${seenLedgerPath(env, projectId, envName)} is damaged`, { hint: 'delete it to trust the current ledger again (`envguard verify --trust-ledger`)' });
  }
  return data as SeenLedger;
}

/** Records the ledger this machine has now seen for a project's environment (0600). */
export function rememberSeenLedger(env: NodeJS.ProcessEnv, projectId: string, envName: string, seen: SeenLedger): void {
  const file = seenLedgerPath(env, projectId, envName);
  ensurePrivateDir(path.dirname(file));
  writeFileAtomic(file, `${JSON.stringify({ genesisHash: seen.genesisHash, entries: seen.entries, headHash: seen.headHash })}\n`, { mode: 0o600 });
}

function seenLedgerPath(env: NodeJS.ProcessEnv, projectId: string, envName: string): string {
  return path.join(keyStoreHome(env), safeSegment(projectId), `${safeSegment(envName)}.ledger-seen.json`);
}
