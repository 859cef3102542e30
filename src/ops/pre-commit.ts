import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseDotenv } from '../core/dotenv/parse.js';
import { decryptEncryptedFile, encryptDocument, parseEncryptedFile, type EncryptedFile } from '../core/encrypted-file.js';
import { encryptedPathFor, envNameOf, isPlaintextEnvFile, ledgerPathFor } from '../core/env-files.js';
import { formatKey, shortKeyId } from '../core/key.js';
import { isEnvguardError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { execGit, gitLinesZ } from '../io/git.js';
import { missingKeyError } from '../io/key-store.js';
import { readTextIfExists } from '../io/read-file.js';
import { readSyncState, sha256, writeSyncState } from '../io/sync-state.js';
import type { OpsContext } from './context.js';
import { findKeyFor } from './project-key.js';
import { describeKeyChange } from './key-change.js';

/** One reason to refuse the commit: what, where, and the exact fix. Never a value. */
export interface Refusal {
  file: string;
  message: string;
  fix: string;
}

export interface PreCommitResult {
  /** Encrypted files re-encrypted and staged by the hook. */
  staged: string[];
  refusals: Refusal[];
  warnings: string[];
}

/** Key files that must never be committed, whatever they are called in a given tool. */
const KEY_FILE = /(^|\/)(\.env\.keys|\.env\.vault\.key|envguard\.key|\.envguard[-.]key|[^/]*\.fernet(\.key)?)$/;

/**
 * The pre-commit check, on staged blobs (the index git is about to commit, which under
 * `git commit <path>` or `-a` is git's temporary index: GIT_INDEX_FILE is inherited).
 * Re-encrypts changed plaintext env files and stages the result; refuses staged plaintext env
 * files, key files and encrypted files that are not pure tokens.
 */
export function preCommit(ctx: OpsContext, stateDirectory: string): PreCommitResult {
  const result: PreCommitResult = { staged: [], refusals: [], warnings: [] };
  const staged = gitLinesZ(['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMRT', '--no-renames'], { cwd: ctx.cwd });

  for (const file of staged) {
    if (isPlaintextEnvFile(file)) {
      result.refusals.push({ file, message: 'a plaintext env file is staged', fix: `git rm --cached -- '${file}' (envguard commits ${encryptedPathFor(path.basename(file))} instead)` });
    } else if (KEY_FILE.test(file)) {
      result.refusals.push({ file, message: 'a key file is staged', fix: `git rm --cached -- '${file}', and keep keys in the key store (envguard key import)` });
    }
  }

  // A hand-edited encrypted file (a pasted plaintext line, a moved token) is refused before
  // anything re-encrypts over it, so the edit is neither committed nor silently dropped.
  const encryptedStaged = staged.filter((f) => f.endsWith('.encrypted') && isPlaintextEnvFile(f.slice(0, -'.encrypted'.length)));
  const malformed = new Set(encryptedStaged.filter((file) => !checkStagedFormat(ctx, file, result)));

  for (const envFile of managedEnvFiles(ctx.cwd, staged)) {
    if (!malformed.has(encryptedPathFor(envFile))) encryptIfChanged(ctx, envFile, stateDirectory, result);
  }
  for (const file of encryptedStaged) {
    if (!malformed.has(file) && !result.staged.includes(file)) checkStagedDecrypts(ctx, file, result);
  }
  if (staged.length === 0 && result.staged.length > 0 && result.refusals.length === 0) {
    // git decides whether a commit is empty before it runs pre-commit, so a commit whose only
    // change is .env stops with "nothing to commit" even though the hook staged the encrypted file.
    result.warnings.push(`only ${result.staged.join(', ')} changed; if git now says "nothing to commit", run the same git commit again (the file is updated and staged)`);
  }
  return result;
}

/** Plaintext env files in the root that envguard manages: those with a ledger or an encrypted sibling. */
function managedEnvFiles(root: string, staged: string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  const present = new Set(names);
  const stagedSet = new Set(staged);
  return names
    .filter((name) => isPlaintextEnvFile(name))
    .filter((name) => present.has(ledgerPathFor(name)) || present.has(encryptedPathFor(name)) || stagedSet.has(encryptedPathFor(name)))
    .sort();
}

function encryptIfChanged(ctx: OpsContext, envFile: string, stateDirectory: string, result: PreCommitResult): void {
  const encryptedFile = encryptedPathFor(envFile);
  const plaintext = readTextIfExists(path.join(ctx.cwd, envFile));
  if (plaintext === undefined) return;
  const stagedText = showStaged(ctx.cwd, encryptedFile);
  const state = readSyncState(stateDirectory, envFile);
  const resolved = findKeyFor(ctx, envFile);

  if (!resolved) {
    if (state && state.plaintextSha256 === sha256(plaintext)) return; // unchanged since the last decrypt: nothing to encrypt
    const missing = missingKeyError(envNameOf(envFile));
    result.refusals.push({ file: envFile, message: `${envFile} has changes but there is no key to encrypt them`, fix: missing.hint ?? '' });
    return;
  }
  const previous = stagedText === undefined ? undefined : tryParse(stagedText, encryptedFile);
  if (previous?.format === 'values' && previous.keyId !== shortKeyId(resolved.key)) {
    const change = describeKeyChange(ctx, envFile, previous.keyId);
    result.refusals.push({ file: encryptedFile, message: `cannot encrypt ${envFile}: ${change.message}`, fix: change.hint });
    return;
  }
  if (previous && stagedText !== undefined && decryptsTo(previous, resolved.key, encryptedFile, plaintext)) {
    writeSyncState(stateDirectory, envFile, plaintext, stagedText);
    return;
  }

  let doc;
  try {
    doc = parseDotenv(plaintext, envFile);
  } catch (error) {
    if (!isEnvguardError(error)) throw error;
    result.refusals.push({ file: envFile, message: error.message, fix: error.hint ?? `fix ${envFile}` });
    return;
  }
  const output = encryptDocument(doc, resolved.key, { now: Math.floor(ctx.now().getTime() / 1000), random: ctx.random, previous });
  writeFileAtomic(path.join(ctx.cwd, encryptedFile), output);
  execGit(['add', '--', encryptedFile], { cwd: ctx.cwd });
  writeSyncState(stateDirectory, envFile, plaintext, output);
  result.staged.push(encryptedFile);
}

/** A staged encrypted file must be nothing but the header, tokens and copied comments. */
function checkStagedFormat(ctx: OpsContext, encryptedFile: string, result: PreCommitResult): boolean {
  const text = showStaged(ctx.cwd, encryptedFile);
  if (text === undefined) return true;
  try {
    parseEncryptedFile(text, encryptedFile);
    return true;
  } catch (error) {
    if (!isEnvguardError(error)) throw error;
    result.refusals.push({ file: encryptedFile, message: error.message, fix: error.hint ?? `git checkout -- ${encryptedFile}` });
    return false;
  }
}

/** With a key at hand, every staged token must verify (a damaged or swapped token is refused). */
function checkStagedDecrypts(ctx: OpsContext, encryptedFile: string, result: PreCommitResult): void {
  const text = showStaged(ctx.cwd, encryptedFile);
  if (text === undefined) return;
  const file = parseEncryptedFile(text, encryptedFile);
  const envFile = encryptedFile.slice(0, -'.encrypted'.length);
  const resolved = safeFindKey(ctx, envFile);
  if (!resolved || (file.format === 'values' && file.keyId !== shortKeyId(resolved.key))) return;
  try {
    decryptEncryptedFile(file, resolved.key, encryptedFile);
  } catch (error) {
    if (!isEnvguardError(error)) throw error;
    result.refusals.push({ file: encryptedFile, message: error.message, fix: `run \`envguard encrypt --force\` to rewrite it from ${envFile}` });
  }
  if (text.includes(formatKey(resolved.key))) {
    result.refusals.push({ file: encryptedFile, message: 'the key itself is in the encrypted file', fix: `git checkout -- ${encryptedFile} && envguard encrypt` });
  }
}

/** The staged blob of a path, or undefined when the path is not in the index. */
function showStaged(cwd: string, file: string): string | undefined {
  const result = execGit(['show', `:${file}`], { cwd, okCodes: [128] });
  return result.status === 0 ? result.stdout.toString('utf8') : undefined;
}

function decryptsTo(file: EncryptedFile, key: Parameters<typeof decryptEncryptedFile>[1], name: string, plaintext: string): boolean {
  try {
    return decryptEncryptedFile(file, key, name) === plaintext;
  } catch {
    return false;
  }
}

function tryParse(text: string, name: string): EncryptedFile | undefined {
  try {
    return parseEncryptedFile(text, name);
  } catch {
    return undefined;
  }
}

function safeFindKey(ctx: OpsContext, envFile: string) {
  try {
    return findKeyFor(ctx, envFile);
  } catch {
    return undefined;
  }
}
