import { ledgerExtends, parseLedgerJson, verifyLedger, type Ledger, type LedgerProblem } from '../../core/ledger/index.js';
import { findReplayedTokens, type ReplayedToken } from '../../core/token-replay.js';
import { EnvguardError, failure } from '../../errors.js';
import { isShallowRepository, resolveCommit } from '../../io/git-range.js';
import { readTextIfExists } from '../../io/read-file.js';
import type { OpsContext } from '../context.js';
import { LEDGER_MESSAGES } from '../ledger-messages.js';
import { listEncryptedFiles } from '../rotation/environment-files.js';
import { replayMessage } from '../incoming-tokens.js';
import path from 'node:path';
import { parsedOrUndefined, textAtRevision } from './encrypted-at-revision.js';

/**
 * `verify --against REV` (DESIGN.md, Ledger: anchored): the checked-out ledger must extend the
 * one at REV, and no encrypted file may hold a token for a variable older than REV's. Keyless,
 * for CI on a fork (`envguard ci` calls it through `verifyProject`).
 */

export interface Revision {
  /** What the user typed, for messages. */
  name: string;
  /** The full commit id. */
  commit: string;
}

export interface RevisionAnchoring {
  problems: LedgerProblem[];
  replays: { file: string; replay: ReplayedToken; message: string }[];
}

/** The commit a revision names; `USAGE` (exit 2) when this clone does not have it, as in a shallow clone. */
export function resolveRevision(ctx: OpsContext, name: string): Revision {
  const commit = resolveCommit(ctx.git, name);
  if (commit !== undefined) return { name, commit };
  throw failure('USAGE', LEDGER_MESSAGES.revisionMissing(name, isShallowRepository(ctx.git)));
}

/** Anchors one environment's verified ledger and its encrypted files to the revision. */
export function anchorAgainstRevision(ctx: OpsContext, revision: Revision, environment: string, ledgerFile: string, ledger: Ledger): RevisionAnchoring {
  const root = ctx.repo.root;
  const result: RevisionAnchoring = { problems: [], replays: [] };
  const baseText = textAtRevision(ctx.git, revision.commit, ledgerFile);
  if (baseText !== undefined) {
    let base: unknown;
    try {
      base = parseLedgerJson(baseText, `${ledgerFile} at ${revision.name}`);
    } catch (error) {
      const message = error instanceof EnvguardError ? error.message : 'not valid JSON';
      result.problems.push({ code: 'anchor', file: ledgerFile, entry: null, path: '', ...LEDGER_MESSAGES.nothingToAnchor(message, revision.name, ledgerFile) });
      return result;
    }
    // The older ledger need not verify for the comparison, but it must have the shape of one.
    if (verifyLedger(base, { file: ledgerFile }).problems.every((problem) => problem.code !== 'schema')) {
      result.problems.push(...ledgerExtends(base as Ledger, ledger, { base: revision.name, head: 'the checked-out ledger', file: ledgerFile }));
    }
  }
  for (const file of listEncryptedFiles(ctx.git, root, environment)) {
    const before = parsedOrUndefined(textAtRevision(ctx.git, revision.commit, file), file);
    const now = parsedOrUndefined(readTextIfExists(path.join(root, file)), file);
    if (!before || !now) continue;
    for (const replay of findReplayedTokens(before, now)) result.replays.push({ file, replay, message: replayMessage(file, replay, `the one at ${revision.name}`) });
  }
  return result;
}

