import path from 'node:path';
import { failure, isEnvguardError } from '../errors.js';
import { parseEncryptedFile } from '../core/encrypted-file.js';
import { encryptedPathFor, envFileFor } from '../core/env-files.js';
import { fingerprint, formatKey, shortKeyId, type FernetKey } from '../core/key.js';
import { k8sSecretManifest } from '../core/k8s-secret.js';
import { keyVariablesFor } from '../io/key-store.js';
import { readTextIfExists, pathExists } from '../io/read-file.js';
import { stateDirIn, writeSyncState } from '../io/sync-state.js';
import { syncEnvFile } from './sync-env.js';
import { decryptEnvFile } from './decrypt.js';
import type { OpsContext } from './context.js';
import { KEY_OP_MESSAGES } from './key-messages.js';
import { keyMismatchError, parseImportedKey } from './support/key-import-checks.js';

export interface KeyInfo {
  envName: string;
  fingerprint: string;
  keyId: string;
  source: string;
}

/** The current key of an environment, described without the key itself. */
export function describeKey(ctx: OpsContext, envName: string): KeyInfo {
  const resolved = ctx.keys.require(envName);
  return { envName, fingerprint: fingerprint(resolved.key), keyId: shortKeyId(resolved.key), source: resolved.source };
}

/** The key text (asked for explicitly) or a Kubernetes Secret manifest holding it. */
export function exportKey(ctx: OpsContext, options: { envName: string; format: 'text' | 'env' | 'k8s-secret'; name?: string; namespace?: string }): string {
  const key = ctx.keys.require(options.envName).key;
  const variable = options.envName === 'default' ? 'ENVGUARD_KEY' : (keyVariablesFor(options.envName)[0] as string);
  if (options.format === 'env') return `${variable}=${formatKey(key)}\n`;
  if (options.format === 'k8s-secret') {
    if (!options.name) throw failure('USAGE', KEY_OP_MESSAGES.k8sNeedsName());
    return k8sSecretManifest({ name: options.name, namespace: options.namespace, variable, keyText: formatKey(key) });
  }
  return `${formatKey(key)}\n`;
}

export interface ImportResult {
  envName: string;
  keyId: string;
  storedAt: string;
  /** True when the plaintext file was written: missing (a fresh clone) or brought up to date with the encrypted file. */
  decrypted: boolean;
  /** What still needs doing about the env file (local edits met the incoming change), if anything. */
  notice?: string;
}

/**
 * Stores a key received from a teammate. It must match the environment's encrypted file (so a
 * wrong or stale key is caught now, not at the next checkout) unless `force`.
 */
export function importKey(ctx: OpsContext, options: { envName: string; keyText: string; force?: boolean }): ImportResult {
  const envFile = envFileFor(options.envName);
  const key = parseImportedKey(extractKeyText(options.keyText), options.envName);
  const projectId = ctx.keys.projectId(options.envName);
  if (projectId === undefined) {
    throw failure('NOT_FOUND', KEY_OP_MESSAGES.noProjectForKey(envFile));
  }
  const encrypted = readTextIfExists(path.join(ctx.cwd, encryptedPathFor(envFile)));
  if (encrypted !== undefined && !options.force) {
    const file = safeParse(encrypted, encryptedPathFor(envFile));
    if (file?.format === 'values' && file.keyId !== shortKeyId(key)) {
      throw keyMismatchError(ctx.cwd, envFile, key, file.keyId);
    }
  }
  const storedAt = ctx.keys.save(options.envName, key, projectId);
  const stateDirectory = safeStateDir(ctx);
  if (stateDirectory === undefined) return { envName: options.envName, keyId: shortKeyId(key), storedAt, decrypted: decryptIfMissing(ctx, envFile, key) };
  return { envName: options.envName, keyId: shortKeyId(key), storedAt, ...bringUpToDate(ctx, envFile, stateDirectory) };
}

/**
 * The key was what the checkout hooks lacked (a pull that brought a rotation, and maybe a changed
 * value): do now what post-merge would have done, so `.env` is not left stale and no later
 * `envguard encrypt` silently writes the old values back over a teammate's change (issue 16.8).
 */
function bringUpToDate(ctx: OpsContext, envFile: string, stateDirectory: string): { decrypted: boolean; notice?: string } {
  if (!pathExists(path.join(ctx.cwd, encryptedPathFor(envFile)))) return { decrypted: false };
  const outcome = syncEnvFile(ctx, encryptedPathFor(envFile), stateDirectory);
  switch (outcome.kind) {
    case 'written':
    case 'merged':
      return { decrypted: true };
    case 'unchanged':
      return { decrypted: false };
    case 'conflict':
    case 'kept-local':
      return {
        decrypted: false,
        notice: `${envFile} has local edits that collide with ${encryptedPathFor(envFile)}; kept them, its version is in ${outcome.incomingFile}: merge it into ${envFile} by hand, delete ${outcome.incomingFile}, then commit`,
      };
    default:
      return { decrypted: false, notice: `${outcome.message}${outcome.hint ? `; fix: ${outcome.hint}` : ''}` };
  }
}

/** In a fresh clone the key is the last missing piece: write `.env` now rather than at the next checkout. */
function decryptIfMissing(ctx: OpsContext, envFile: string, key: FernetKey): boolean {
  const encryptedPath = path.join(ctx.cwd, encryptedPathFor(envFile));
  if (pathExists(path.join(ctx.cwd, envFile)) || !pathExists(encryptedPath)) return false;
  try {
    decryptEnvFile(ctx, { encryptedPath, key });
  } catch (error) {
    if (!isEnvguardError(error)) throw error;
    ctx.log.warn(KEY_OP_MESSAGES.storedNotDecrypted(encryptedPathFor(envFile), error.message));
    return false;
  }
  const stateDirectory = safeStateDir(ctx);
  const plaintext = readTextIfExists(path.join(ctx.cwd, envFile));
  const encrypted = readTextIfExists(encryptedPath);
  if (stateDirectory && plaintext !== undefined && encrypted !== undefined) writeSyncState(stateDirectory, envFile, plaintext, encrypted);
  return true;
}

function safeStateDir(ctx: OpsContext): string | undefined {
  try {
    return stateDirIn(ctx.repo.gitDir);
  } catch {
    return undefined; // not a git repo: nothing to remember
  }
}

/** Accepts the bare key, or a `NAME=key` line as `key export --format env` prints it. */
function extractKeyText(text: string): string {
  const trimmed = text.trim();
  const eq = trimmed.indexOf('=');
  return eq > 0 && eq < trimmed.length - 1 && /^[A-Z_][A-Z0-9_]*$/.test(trimmed.slice(0, eq)) ? trimmed.slice(eq + 1) : trimmed;
}

function safeParse(text: string, name: string) {
  try {
    return parseEncryptedFile(text, name);
  } catch {
    return undefined;
  }
}
