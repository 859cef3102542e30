import { encryptedPathFor, isEncryptedEnvFile, isPlaintextEnvFile, ledgerPathFor } from '../../core/env-files.js';
import { listDirectory } from '../../io/read-file.js';
import { StagedBlobs, stagedPaths, stageFiles } from '../../io/staged-blobs.js';
import type { Problem } from '../../problem.js';
import type { OpsContext } from '../context.js';
import { stagedRollbackRefusals } from '../incoming-tokens.js';
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

/**
 * The pre-commit check, on staged blobs (the index git is about to commit, which under
 * `git commit <path>` or `-a` is git's temporary index: GIT_INDEX_FILE is inherited through
 * `ctx.env`, and `options.indexFile` names the same file): encrypt and stage each changed env
 * file, refuse staged plaintext env and key files, and check staged encrypted files.
 */
export function preCommit(ctx: OpsContext, stateDirectory: string, options: { indexFile?: string; allowsEmpty?: () => boolean } = {}): PreCommitResult {
  const result: PreCommitResult = { staged: [], refusals: [], warnings: [], paths: [] };
  // The staged list is taken before the hook stages anything: it shows the commit as git will judge it.
  const staged = stagedPaths(ctx.git);
  const index = new StagedBlobs(ctx.git, options.indexFile);
  const judged = new Set<string>();
  for (const envFile of managedEnvFiles(ctx.cwd)) {
    const outcome = encryptForCommit(ctx, index, envFile, stateDirectory);
    if (outcome.kind === 'refused') {
      result.refusals.push(outcome.problem);
      if (outcome.judged) judged.add(encryptedPathFor(envFile));
    } else if (outcome.kind === 'encrypted') {
      judged.add(outcome.encryptedFile);
      index.set(outcome.encryptedFile, outcome.text);
      result.staged.push(outcome.encryptedFile);
      if (outcome.merged) result.warnings.push(M.mergedIncoming(envFile, outcome.encryptedFile));
    }
  }
  for (const file of staged) {
    const refusal = stagedFileRefusal(file);
    if (refusal) result.refusals.push(refusal);
  }
  for (const file of staged.filter((path) => isEncryptedEnvFile(path) && !judged.has(path))) {
    result.refusals.push(...stagedEncryptedFileRefusals(ctx, index, file));
  }
  stageFiles(ctx.git, result.staged);
  // Under `--allow-empty` git commits whatever the hook staged: no "run again" needed.
  if (staged.length === 0 && result.staged.length > 0 && result.refusals.length === 0 && !options.allowsEmpty?.()) {
    // git checks whether a commit is empty against the index it read before pre-commit ran,
    // so a commit whose only change is .env stops with "nothing to commit" (docs/hooks.md).
    result.warnings.push(M.commitAgain(result.staged));
  }
  for (const notice of unmanagedEnvFiles(ctx.cwd)) result.warnings.push(M.unmanagedEnvFile(notice.message, notice.fix));
  result.paths = [...new Set([...staged, ...result.staged])];
  // A token older than the one it replaces (a keyless rollback of a changed value) is refused.
  result.refusals.push(...stagedRollbackRefusals(ctx, result.paths, (file) => index.text(file)));
  return result;
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
