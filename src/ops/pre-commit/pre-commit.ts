import { encryptedPathFor, isEncryptedEnvFile, isPlaintextEnvFile, ledgerPathFor } from '../../core/env-files.js';
import { listDirectory } from '../../io/read-file.js';
import { gitBlobId } from '../../io/index-blob.js';
import { StagedBlobs, stageFiles } from '../../io/staged-blobs.js';
import { committedPaths, readStagedChange, type StagedChange } from '../../io/staged-change.js';
import type { Problem } from '../../problem.js';
import type { OpsContext } from '../context.js';
import { stagedRollbackRefusals } from '../incoming-tokens.js';
import { textAtRevision } from '../support/encrypted-at-revision.js';
import { unmanagedEnvFiles } from '../unmanaged-env-files.js';
import { encryptForCommit } from './encrypt-for-commit.js';
import { KEY_FILE, stagedEncryptedFileRefusals, stagedFileRefusal } from './refusals.js';
import { PRE_COMMIT_MESSAGES as M } from './pre-commit-messages.js';

export interface PreCommitResult {
  /** Encrypted files re-encrypted and staged by the hook. */
  staged: string[];
  refusals: Problem[];
  warnings: string[];
  /** Every path the commit will change once the hook is done (what further checks look at). */
  paths: string[];
}

export interface PreCommitOptions {
  indexFile?: string;
  allowsEmpty?: () => boolean;
  /**
   * Gets the staged change once the hook has staged, patch included, for further checks (the
   * secret scan reads it rather than diffing again). Kept out of the result: the patch holds
   * whatever was staged, secrets included, and a result is something that gets printed.
   */
  onStagedChange?: (change: StagedChange) => void;
}

/**
 * The pre-commit check, on staged blobs (the index git is about to commit, which under
 * `git commit <path>` or `-a` is git's temporary index: GIT_INDEX_FILE is inherited through
 * `ctx.env`, and `options.indexFile` names the same file): encrypt and stage each changed env
 * file, refuse staged plaintext env and key files, and check staged encrypted files.
 */
export function preCommit(ctx: OpsContext, stateDirectory: string, options: PreCommitOptions = {}): PreCommitResult {
  const result: PreCommitResult = { staged: [], refusals: [], warnings: [], paths: [] };
  const index = new StagedBlobs(ctx.git, options.indexFile);
  const judged = new Set<string>();
  // What the index held for each file the hook stages, before it did.
  const before = new Map<string, string | undefined>();
  for (const envFile of managedEnvFiles(ctx.cwd)) {
    const outcome = encryptForCommit(ctx, index, envFile, stateDirectory);
    if (outcome.kind === 'refused') {
      result.refusals.push(outcome.problem);
      if (outcome.judged) judged.add(encryptedPathFor(envFile));
    } else if (outcome.kind === 'encrypted') {
      judged.add(outcome.encryptedFile);
      before.set(outcome.encryptedFile, index.text(outcome.encryptedFile));
      index.set(outcome.encryptedFile, outcome.text);
      result.staged.push(outcome.encryptedFile);
      if (outcome.merged) result.warnings.push(M.mergedIncoming(envFile, outcome.encryptedFile));
    }
  }
  stageFiles(ctx.git, result.staged);
  // One diff once the hook has staged: the commit as git will make it (its paths, and the patch
  // the secret scan reads). What was staged before the hook ran is that, less the hook's files
  // whose earlier index blob was HEAD's.
  const change = readStagedChange(ctx.git);
  const headBlobs = new Map(change.entries.map((entry) => [entry.path, entry.headBlob]));
  const stagedBefore = committedPaths(change).filter((file) => !before.has(file) || !sameBlob(before.get(file), headBlobs.get(file)));
  for (const file of stagedBefore) {
    const refusal = stagedFileRefusal(file);
    if (refusal) result.refusals.push(refusal);
  }
  for (const file of stagedBefore.filter((path) => isEncryptedEnvFile(path) && !judged.has(path))) {
    result.refusals.push(...stagedEncryptedFileRefusals(ctx, index, file));
  }
  // Under `--allow-empty` git commits whatever the hook staged: no "run again" needed.
  if (stagedBefore.length === 0 && result.staged.length > 0 && result.refusals.length === 0 && !options.allowsEmpty?.()) {
    // git checks whether a commit is empty against the index it read before pre-commit ran,
    // so a commit whose only change is .env stops with "nothing to commit" (docs/hooks.md).
    result.warnings.push(M.commitAgain(result.staged));
  }
  for (const notice of unmanagedEnvFiles(ctx.cwd)) result.warnings.push(M.unmanagedEnvFile(notice.message, notice.fix));
  result.paths = [...new Set([...stagedBefore, ...result.staged])];
  options.onStagedChange?.(change);
  // A token older than the one it replaces (a keyless rollback of a changed value) is refused.
  // HEAD's copy of a file the hook staged is, most often, what the index held before: no git call.
  const headText = (file: string): string | undefined => {
    if (!headBlobs.has(file)) return index.text(file); // staged as HEAD has it
    const blob = headBlobs.get(file);
    if (blob === undefined) return undefined; // new to HEAD
    return before.has(file) && sameBlob(before.get(file), blob) ? before.get(file) : textAtRevision(ctx.git, 'HEAD', file);
  };
  result.refusals.push(...stagedRollbackRefusals(ctx, result.paths, (file) => index.text(file), headText));
  return result;
}

/** Whether a text is the blob with this id (undefined on both sides: neither exists). */
function sameBlob(text: string | undefined, blob: string | undefined): boolean {
  return text === undefined ? blob === undefined : blob === gitBlobId(text);
}

/** Plaintext env files in the root that envguard manages: those with a ledger or an encrypted sibling. */
function managedEnvFiles(root: string): string[] {
  const names = listDirectory(root);
  const present = new Set(names);
  return names
    .filter((name) => isPlaintextEnvFile(name) && !KEY_FILE.test(name))
    .filter((name) => present.has(ledgerPathFor(name)) || present.has(encryptedPathFor(name)))
    .sort();
}
