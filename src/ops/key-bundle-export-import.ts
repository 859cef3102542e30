import path from 'node:path';
import { parseEncryptedFile } from '../core/encrypted-file.js';
import { encryptedPathFor, envFileFor } from '../core/env-files.js';
import { formatKeyBundle, parseKeyBundle } from '../core/key-bundle.js';
import { formatKey, shortKeyId } from '../core/key.js';
import { failure } from '../errors.js';
import { findLedgerEnvironments } from '../io/ledger-file.js';
import { readProjectId } from '../io/project.js';
import { readTextIfExists } from '../io/read-file.js';
import { withCwd, type OpsContext } from './context.js';
import { KEY_OP_MESSAGES } from './key-messages.js';
import { keyMismatchError, parseImportedKey } from './support/key-import-checks.js';
import { importKey, type ImportResult } from './key-export-import.js';

/** `envguard key export --all`: every environment's key in one bundle (format: core/key-bundle.ts). */
export function exportKeyBundle(ctx: OpsContext): string {
  const root = ctx.repo.root;
  const here = withCwd(ctx, root);
  const projectId = readProjectId(root);
  const environments = findLedgerEnvironments(root);
  if (projectId === undefined || environments.length === 0) {
    throw failure('NOT_FOUND', KEY_OP_MESSAGES.noEnvironmentsToExport());
  }
  const keys = Object.fromEntries(environments.map((envName) => [envName, formatKey(here.keys.require(envName).key)]));
  return formatKeyBundle(projectId, keys);
}

/**
 * `envguard key import` given a bundle: every key checked first (this project, each key fits its
 * encrypted file), then all stored, so a bad bundle stores nothing.
 */
export function importKeyBundle(ctx: OpsContext, text: string, options: { force?: boolean } = {}): ImportResult[] {
  const root = ctx.repo.root;
  const here = withCwd(ctx, root);
  const bundle = parseKeyBundle(text);
  const projectId = readProjectId(root);
  if (projectId === undefined) {
    throw failure('NOT_FOUND', KEY_OP_MESSAGES.noProjectForBundle());
  }
  if (bundle.projectId !== projectId) {
    throw failure('KEY_MISMATCH', KEY_OP_MESSAGES.bundleForAnotherProject(bundle.projectId, projectId));
  }
  for (const [envName, keyText] of Object.entries(bundle.keys)) {
    const key = parseImportedKey(keyText, envName);
    const envFile = envFileFor(envName);
    const encrypted = readTextIfExists(path.join(root, encryptedPathFor(envFile)));
    const file = encrypted === undefined || options.force ? undefined : safeParse(encrypted, encryptedPathFor(envFile));
    if (file?.format === 'values' && file.keyId !== shortKeyId(key)) throw keyMismatchError(root, envFile, key, file.keyId);
  }
  return Object.entries(bundle.keys).map(([envName, keyText]) => importKey(here, { envName, keyText, force: options.force }));
}

function safeParse(text: string, name: string) {
  try {
    return parseEncryptedFile(text, name);
  } catch {
    return undefined;
  }
}
