import path from 'node:path';
import { isEncryptedEnvFile, isPlaintextEnvFile, envNameOf } from '../core/env-files.js';
import type { EncryptedFile } from '../core/encrypted-file.js';
import { parseLedgerJson, verifyLedger, type Ledger, type LedgerProblem } from '../core/ledger/index.js';
import { findReplayedTokens, type ReplayedToken } from '../core/token-replay.js';
import type { Git } from '../io/git.js';
import { gitBlobId } from '../io/index-blob.js';
import { pathExists } from '../io/read-file.js';
import { ledgerFileName, readLedgerJson } from '../io/ledger-file.js';
import type { Problem } from '../problem.js';
import type { OpsContext } from './context.js';
import { ENV_OP_MESSAGES } from './env-messages.js';
import { LEDGER_MESSAGES } from './ledger-messages.js';
import { checkKnownLedger } from './support/known-ledger.js';
import { parsedOrUndefined, textAtRevision } from './support/encrypted-at-revision.js';

/**
 * Where values enter `.env` or a commit, an old token pasted back (a keyless rollback of a
 * changed password) or a replaced or shortened ledger is refused (DESIGN.md, Encrypted file:
 * replay; Ledger: anchored). The ops call these in one line each.
 */

/**
 * pre-commit: each staged encrypted file against HEAD's (a token for a name older than HEAD's is
 * refused: `TOKEN_REPLAY`), and each staged ledger against what this machine has seen
 * (`LEDGER_INVALID`). Never a value.
 *
 * @param staged the text git is about to commit for a path, or undefined when it is not staged
 * @param atHead the text HEAD has for a path, or undefined where it has none
 */
export function stagedRollbackRefusals(ctx: OpsContext, paths: readonly string[], staged: (file: string) => string | undefined, atHead: (file: string) => string | undefined): Problem[] {
  const refusals: Problem[] = [];
  for (const file of paths) {
    if (isEncryptedEnvFile(file)) {
      const incoming = parsedOrUndefined(staged(file), file);
      const head = incoming && parsedOrUndefined(atHead(file), file);
      if (!incoming || !head) continue;
      // A merge may take the other branch's token, older than ours but that branch's own latest.
      const theirs = mergeInProgress(ctx) && parsedOrUndefined(textAtRevision(ctx.git, 'MERGE_HEAD', file), file);
      const theirsReplayed = theirs ? new Set(findReplayedTokens(theirs, incoming).map((replay) => replay.name)) : undefined;
      for (const replay of findReplayedTokens(head, incoming)) {
        if (theirsReplayed && !theirsReplayed.has(replay.name)) continue;
        refusals.push({ code: 'TOKEN_REPLAY', file, message: replayMessage(file, replay, 'the one in HEAD'), hint: LEDGER_MESSAGES.replayFix(plaintextOf(file), file) });
      }
    } else if (/^\.env(\.[^/]+)?\.ledger\.json$/.test(file)) {
      const problem = knownLedgerProblem(ctx, strictJson(staged(file), file), file, {});
      if (problem) refusals.push({ code: 'LEDGER_INVALID', file, message: problem.message, hint: problem.hint });
    }
  }
  return refusals;
}

/**
 * post-checkout / post-merge / post-rewrite: why the incoming encrypted file must not be applied
 * to `.env`, or undefined. `baseEncrypted` is the encrypted text `.env` was last synced from.
 */
export function refuseIncoming(ctx: OpsContext, envFile: string, incoming: EncryptedFile, baseEncrypted: string | undefined): Problem | undefined {
  const encryptedFile = `${envFile}.encrypted`;
  const ledgerFile = ledgerFileName(envNameOf(envFile));
  let ledger: unknown;
  try {
    ledger = readLedgerJson(path.join(ctx.cwd, ledgerFile));
  } catch {
    ledger = undefined; // no ledger, or a damaged one: other checks report it
  }
  const problem = knownLedgerProblem(ctx, ledger, ledgerFile, { remember: true, allowShorter: true });
  if (problem) return { code: 'LEDGER_INVALID', file: ledgerFile, message: ENV_OP_MESSAGES.notDecrypted(envFile, problem.message), hint: problem.hint };
  const base = parsedOrUndefined(baseEncrypted, encryptedFile);
  const [replay] = base ? findReplayedTokens(base, incoming) : [];
  // Older tokens are legitimate on a commit from before the change (a branch switch, `git checkout
  // HEAD~3`); they are a replay when the commit descends from the version with the newer tokens.
  if (!replay || baseEncrypted === undefined || !inHistoryOfHead(ctx.git, encryptedFile, baseEncrypted)) return undefined;
  return { code: 'TOKEN_REPLAY', file: encryptedFile, message: LEDGER_MESSAGES.notUpdated(envFile, replayMessage(encryptedFile, replay, `the one ${envFile} was last synced from`)), hint: LEDGER_MESSAGES.replayFix(envFile, encryptedFile) };
}

/** `<file>:<line>: the token of NAME (time) is older than …`: names and times only. */
export function replayMessage(file: string, replay: ReplayedToken, than: string): string {
  const what = replay.name === '*' ? 'the whole-file token' : `the token of ${replay.name}`;
  return LEDGER_MESSAGES.replay(
    { file, line: replay.line },
    what,
    { time: isoTime(replay.incomingTime), older: replay.incomingTime < replay.baseTime },
    { what: than, time: isoTime(replay.baseTime) },
  );
}

function knownLedgerProblem(ctx: OpsContext, value: unknown, file: string, options: { remember?: boolean; allowShorter?: boolean }): LedgerProblem | undefined {
  if (value === undefined || !verifyLedger(value, { file }).valid) return undefined;
  return checkKnownLedger(ctx, value as Ledger, file, options);
}

function strictJson(text: string | undefined, file: string): unknown {
  try {
    return text === undefined ? undefined : parseLedgerJson(text, file);
  } catch {
    return undefined; // not JSON: the ledger checks say so
  }
}

/** True when some commit reachable from HEAD added or removed exactly this text at this path. */
function inHistoryOfHead(git: Git, file: string, text: string): boolean {
  const found = git.exec(['log', '-1', '--format=%H', `--find-object=${gitBlobId(text)}`, 'HEAD', '--', file], { okCodes: [128] });
  return found.status === 0 && found.stdout.toString('utf8').trim() !== '';
}

/**
 * A merge is being concluded: git keeps MERGE_HEAD in the (per-worktree) git dir until the merge
 * commit exists. A file check, not `git rev-parse MERGE_HEAD` (a spawn on every commit): a
 * MERGE_HEAD that names no commit only makes the `git show` below find nothing, as before.
 */
function mergeInProgress(ctx: OpsContext): boolean {
  return pathExists(path.join(ctx.repo.gitDir, 'MERGE_HEAD'));
}

function plaintextOf(encryptedFile: string): string {
  const plain = encryptedFile.replace(/\.encrypted$/, '');
  return isPlaintextEnvFile(plain) ? plain : '.env';
}

function isoTime(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? `${seconds}` : date.toISOString().replace('.000Z', 'Z');
}
