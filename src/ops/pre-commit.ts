import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseDotenv } from '../core/dotenv/parse.js';
import { serializeDotenv } from '../core/dotenv/serialize.js';
import { decryptEncryptedFile, encryptDocument, parseEncryptedFile, type EncryptedFile } from '../core/encrypted-file.js';
import { encryptedPathFor, envNameOf, isEncryptedEnvFile, isPlaintextEnvFile, ledgerPathFor, plaintextPathFor } from '../core/env-files.js';
import { formatKey, shortKeyId, type FernetKey } from '../core/key.js';
import { mergeEnvDocuments } from '../core/merge-env.js';
import { isEnvguardError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { execGit, gitLinesZ } from '../io/git.js';
import { gitBlobId, indexBlobId } from '../io/index-blob.js';
import { missingKeyError } from '../io/key-store.js';
import { readTextIfExists } from '../io/read-file.js';
import { readSyncState, sha256, writeDerivedFile, writeSyncState, type SyncState } from '../io/sync-state.js';
import type { OpsContext } from './context.js';
import { describeKeyChange } from './key-change.js';
import { decryptWithKnownKeys } from './known-keys.js';
import { findKeyFor } from './project-key.js';
import { stagedRollbackRefusals } from './incoming-tokens.js';

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
  /** Every path the commit will change once the hook is done (what further checks look at). */
  paths: string[];
}

/** Key files that must never be committed, whatever they are called in a given tool. */
const KEY_FILE = /(^|\/)(\.env\.keys|\.env\.vault\.key|envguard\.key|\.envguard[-.]key|[^/]*\.fernet(\.key)?)$/;
const CONFLICT_MARKER = /^(<{7}|={7}|>{7})( |$)/m;

/**
 * The pre-commit check, on staged blobs (the index git is about to commit, which under
 * `git commit <path>` or `-a` is git's temporary index: GIT_INDEX_FILE is inherited, and
 * `options.indexFile` names the same file).
 *
 * `.env` is the source of truth for the values the developer changed since envguard last
 * wrote it (the sync state): those are encrypted and staged, merged per variable with any
 * change the encrypted file took meanwhile. A `.env` the developer did not touch changes
 * nothing, so a staged encrypted file that came from git (a merge, a checkout of one file) is
 * committed as it is, after checking it is nothing but valid tokens.
 */
export function preCommit(ctx: OpsContext, stateDirectory: string, options: { indexFile?: string } = {}): PreCommitResult {
  const result: PreCommitResult = { staged: [], refusals: [], warnings: [], paths: [] };
  // The staged list is taken before the hook stages anything: it shows the commit as git will judge it.
  const staged = gitLinesZ(['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMRT', '--no-renames'], { cwd: ctx.cwd });
  const index = new StagedBlobs(ctx.cwd, options.indexFile);
  const work: EncryptionWork = { toStage: [], judged: new Set() };
  for (const envFile of managedEnvFiles(ctx.cwd)) encryptIfChanged(ctx, index, envFile, stateDirectory, result, work);

  for (const file of staged) {
    if (KEY_FILE.test(file)) {
      result.refusals.push({ file, message: 'a key file is staged', fix: `git rm --cached -- '${file}', and keep keys in the key store (envguard key import)` });
    } else if (isPlaintextEnvFile(file)) {
      result.refusals.push({ file, message: 'a plaintext env file is staged', fix: `git rm --cached -- '${file}' (envguard commits ${encryptedPathFor(path.basename(file))} instead)` });
    }
  }
  // Staged encrypted files the encryption pass did not judge (no .env beside them, say): nothing
  // but valid tokens, checked with the key when there is one.
  for (const file of staged.filter(isEncryptedEnvFile)) {
    if (!work.judged.has(file) && checkStagedFormat(ctx, index, file, result)) checkStagedDecrypts(ctx, index, file, result);
  }
  if (work.toStage.length > 0) {
    // update-index rather than add: the same staging, without add's pathspec and ignore handling,
    // which measured about 4 ms more on a 10,000-file index.
    execGit(['update-index', '--add', '--', ...work.toStage], { cwd: ctx.cwd });
  }
  if (staged.length === 0 && result.staged.length > 0 && result.refusals.length === 0) {
    // git checks whether a commit is empty against the index it read before pre-commit ran,
    // so a commit whose only change is .env stops with "nothing to commit" (docs/hooks.md).
    result.warnings.push(
      `only ${result.staged.join(', ')} changed; if git now says "nothing to commit", run the same git commit again (the file is updated and staged), or commit .env-only changes with \`git commit --allow-empty\``,
    );
  }
  result.paths = [...new Set([...staged, ...result.staged])];
  result.refusals.push(...stagedRollbackRefusals(ctx, result.paths, (file) => index.text(file)));
  return result;
}

/** What the encryption pass leaves for after the staged list is in. */
interface EncryptionWork {
  /** Encrypted files written, to stage in one git call. */
  toStage: string[];
  /** Encrypted files already judged (staged or refused): the later checks skip them. */
  judged: Set<string>;
}

/**
 * The blobs git is about to commit, one `git show :<path>` per path at most. A guess (the text
 * envguard last synced) is confirmed from the index file itself when it can be, with no git call.
 */
class StagedBlobs {
  private readonly cache = new Map<string, string | undefined>();
  constructor(
    private readonly cwd: string,
    private readonly indexFile: string | undefined,
  ) {}

  text(file: string, guess?: string): string | undefined {
    if (!this.cache.has(file) && guess !== undefined && this.indexFile && indexBlobId(this.indexFile, file) === gitBlobId(guess)) this.cache.set(file, guess);
    if (!this.cache.has(file)) {
      const shown = execGit(['show', `:${file}`], { cwd: this.cwd, okCodes: [128] });
      this.cache.set(file, shown.status === 0 ? shown.stdout.toString('utf8') : undefined);
    }
    return this.cache.get(file);
  }

  set(file: string, text: string): void {
    this.cache.set(file, text);
  }
}

/** Plaintext env files in the root that envguard manages: those with a ledger or an encrypted sibling. */
function managedEnvFiles(root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  const present = new Set(names);
  return names
    .filter((name) => isPlaintextEnvFile(name) && !KEY_FILE.test(name))
    .filter((name) => present.has(ledgerPathFor(name)) || present.has(encryptedPathFor(name)))
    .sort();
}

function encryptIfChanged(ctx: OpsContext, index: StagedBlobs, envFile: string, stateDirectory: string, result: PreCommitResult, work: EncryptionWork): void {
  const encryptedFile = encryptedPathFor(envFile);
  const envPath = path.join(ctx.cwd, envFile);
  const plaintext = readTextIfExists(envPath);
  if (plaintext === undefined) return;
  const state = readSyncState(stateDirectory, envFile);
  // Usually the staged file is the one envguard last synced, confirmed from the index with no git call.
  const stagedText = index.text(encryptedFile, state?.baseEncrypted);
  let staged: EncryptedFile | undefined;
  let conflicted = false;
  if (stagedText !== undefined) {
    try {
      staged = parseEncryptedFile(stagedText, encryptedFile);
    } catch (error) {
      if (!isEnvguardError(error)) throw error;
      // A merge conflict is resolved in .env (below); a hand-edited file (a pasted plaintext
      // line, a damaged header) is refused before anything re-encrypts over it, so the edit is
      // neither committed nor silently dropped.
      if (error.code !== 'CONFLICT') {
        result.refusals.push({ file: encryptedFile, message: error.message, fix: error.hint ?? `git checkout -- ${encryptedFile}` });
        work.judged.add(encryptedFile);
        return;
      }
      conflicted = true;
    }
  }
  // Untouched since envguard wrote it: nothing of the developer's to encrypt.
  if (state && state.plaintextSha256 === sha256(plaintext) && !conflicted) return;

  const refuse = (message: string, fix: string) => void result.refusals.push({ file: envFile, message, fix });
  if (CONFLICT_MARKER.test(plaintext)) return refuse(`${envFile} still has merge conflict markers`, `edit ${envFile} to keep one line per variable, then commit again`);
  const incomingFile = `${envFile}.incoming`;
  if (existsSync(path.join(ctx.cwd, incomingFile))) {
    return refuse(`${incomingFile} is waiting to be merged into ${envFile}`, `merge ${incomingFile} into ${envFile} by hand, delete ${incomingFile}, then commit again`);
  }
  const resolved = findKeyFor(ctx, envFile);
  if (!resolved) return refuse(`${envFile} has changes but there is no key to encrypt them`, missingKeyError(envNameOf(envFile)).hint ?? '');

  const previous = conflicted && stagedText !== undefined ? tryParse(withoutMarkers(stagedText), encryptedFile) : staged;
  if (previous?.format === 'values' && previous.keyId !== shortKeyId(resolved.key)) {
    const change = describeKeyChange(ctx, envFile, previous.keyId);
    result.refusals.push({ file: encryptedFile, message: `cannot encrypt ${envFile}: ${change.message}`, fix: change.hint });
    return;
  }
  // The staged file is what envguard last synced, and .env has changed since: no need to decrypt it to know it differs.
  const stagedIsBase = state !== undefined && stagedText === state.baseEncrypted;
  if (!conflicted && !stagedIsBase && previous && stagedText !== undefined && decryptsTo(previous, resolved.key, encryptedFile) === plaintext) {
    writeSyncState(stateDirectory, envFile, plaintext, stagedText);
    return;
  }

  let target = plaintext;
  if (!conflicted && state && stagedText !== undefined && previous && !stagedIsBase && readTextIfExists(path.join(ctx.cwd, encryptedFile)) === stagedText) {
    // git brought a new encrypted file into the index and the working tree since .env was last
    // synced (a pull whose decrypt did not run): encrypting .env as it is would silently undo
    // that change, so merge per variable instead. (An index that merely went back, as after
    // `git reset HEAD~`, leaves the working tree file at the synced version: .env wins there.)
    const merged = mergeIncoming(ctx, envFile, state, plaintext, previous, stagedText, resolved.key, stateDirectory, result);
    if (merged === undefined) return;
    target = merged;
  }

  let doc;
  try {
    doc = parseDotenv(target, envFile);
  } catch (error) {
    if (!isEnvguardError(error)) throw error;
    return refuse(error.message, error.hint ?? `fix ${envFile}`);
  }
  const output = encryptDocument(doc, resolved.key, { now: Math.floor(ctx.now().getTime() / 1000), random: ctx.random, previous });
  if (target !== plaintext) {
    writeFileAtomic(envPath, target, { mode: 0o600 });
    result.warnings.push(`${encryptedFile} had changed since ${envFile} was last decrypted; merged those changes into ${envFile} with yours`);
  }
  writeDerivedFile(path.join(ctx.cwd, encryptedFile), output);
  work.toStage.push(encryptedFile);
  work.judged.add(encryptedFile);
  index.set(encryptedFile, output);
  writeSyncState(stateDirectory, envFile, target, output);
  result.staged.push(encryptedFile);
}

/**
 * Three-way merge of the last-synced base, the developer's `.env` and the staged encrypted file.
 * Returns the merged text, or undefined after recording a refusal (a real conflict: the staged
 * version is written beside `.env` as `.env.incoming`, as the checkout hooks do).
 */
function mergeIncoming(
  ctx: OpsContext,
  envFile: string,
  state: SyncState,
  local: string,
  staged: EncryptedFile,
  stagedText: string,
  key: FernetKey,
  stateDirectory: string,
  result: PreCommitResult,
): string | undefined {
  const encryptedFile = encryptedPathFor(envFile);
  const incoming = decryptsTo(staged, key, encryptedFile);
  const base = decryptWithKnownKeys(ctx, envFile, state.baseEncrypted);
  if (incoming === undefined) {
    result.refusals.push({ file: encryptedFile, message: `${encryptedFile} does not decrypt with your key`, fix: `restore it with \`git checkout HEAD -- ${encryptedFile}\`` });
    return undefined;
  }
  if (base === undefined || incoming === base) return local;
  const merge = mergeEnvDocuments(parseDotenv(base, envFile), parseDotenv(local, envFile), parseDotenv(incoming, encryptedFile));
  if (merge.conflicts.length === 0) return serializeDotenv(merge.doc);
  const incomingFile = `${envFile}.incoming`;
  writeFileAtomic(path.join(ctx.cwd, incomingFile), incoming, { mode: 0o600 });
  // From here on the staged version is the base: what still differs in .env is the developer's.
  writeSyncState(stateDirectory, envFile, incoming, stagedText);
  result.refusals.push({
    file: envFile,
    message: `${encryptedFile} changed since ${envFile} was last decrypted, and both change ${merge.conflicts.join(', ')}; the staged version is in ${incomingFile}`,
    fix: `merge ${incomingFile} into ${envFile} by hand, delete ${incomingFile}, then commit again`,
  });
  return undefined;
}

/** A staged encrypted file must be nothing but the header, tokens and copied comments. */
function checkStagedFormat(ctx: OpsContext, index: StagedBlobs, encryptedFile: string, result: PreCommitResult): boolean {
  const text = index.text(encryptedFile);
  if (text === undefined) return true;
  try {
    parseEncryptedFile(text, encryptedFile);
    return true;
  } catch (error) {
    if (!isEnvguardError(error)) throw error;
    // A merge conflict resolved in .env: the hook re-encrypts .env over the markers.
    if (isEnvguardError(error, 'CONFLICT') && existsSync(path.join(ctx.cwd, plaintextPathFor(encryptedFile)))) return true;
    result.refusals.push({ file: encryptedFile, message: error.message, fix: error.hint ?? `git checkout -- ${encryptedFile}` });
    return false;
  }
}

/** With a key at hand, every staged token must verify (a damaged or swapped token is refused). */
function checkStagedDecrypts(ctx: OpsContext, index: StagedBlobs, encryptedFile: string, result: PreCommitResult): void {
  const text = index.text(encryptedFile);
  if (text === undefined) return;
  if (CONFLICT_MARKER.test(text)) {
    result.refusals.push({ file: encryptedFile, message: 'unresolved merge conflict', fix: `resolve it in ${plaintextPathFor(encryptedFile)}, then \`git add ${encryptedFile}\` and commit again` });
    return;
  }
  const file = parseEncryptedFile(text, encryptedFile);
  const envFile = plaintextPathFor(encryptedFile);
  const resolved = safeFindKey(ctx, envFile);
  if (!resolved || (file.format === 'values' && file.keyId !== shortKeyId(resolved.key))) return;
  try {
    decryptEncryptedFile(file, resolved.key, encryptedFile);
  } catch (error) {
    if (!isEnvguardError(error)) throw error;
    result.refusals.push({ file: encryptedFile, message: error.message, fix: error.hint ?? `run \`envguard encrypt --force\` to rewrite it from ${envFile}` });
  }
  if (text.includes(formatKey(resolved.key))) {
    result.refusals.push({ file: encryptedFile, message: 'the key itself is in the encrypted file', fix: `git checkout -- ${encryptedFile} && envguard encrypt` });
  }
}

/** The plaintext a parsed file decrypts to, or undefined when it does not decrypt. */
function decryptsTo(file: EncryptedFile, key: FernetKey, name: string): string | undefined {
  try {
    return decryptEncryptedFile(file, key, name);
  } catch {
    return undefined;
  }
}

/** Both sides' lines of a conflicted file, kept only as a source of reusable tokens. */
function withoutMarkers(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^(<{7}|={7}|>{7})( |$)/.test(line))
    .join('\n');
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
