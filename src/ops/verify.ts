import path from 'node:path';
import { failure } from '../errors.js';
import { currentKeyEntry, currentPublicKey, verifyLedger, type Ledger, type LedgerReport } from '../core/ledger/index.js';
import type { ReplayedToken } from '../core/token-replay.js';
import { shortKeyId } from '../core/key.js';
import { findLedgerEnvironments, ledgerFileName, ledgerPath, readLedgerJson } from '../io/ledger-file.js';
import type { OpsContext } from './context.js';
import { LEDGER_MESSAGES } from './ledger-messages.js';
import { anchorAgainstRevision, resolveRevision, type Revision } from './support/verify-against.js';
import { checkKnownLedger, trustLedger } from './support/known-ledger.js';
import { verifyEnvironmentFiles, type FilesVerification } from './support/verify-files.js';
import { verifyFixes } from './support/verify-fixes.js';
import { checkEnvironmentGrants, type AccessProblem } from './access/verify-grants.js';

export interface EnvironmentVerification {
  environment: string;
  /** Repository-relative ledger file. */
  ledgerFile: string;
  report: LedgerReport;
  /** The encrypted files checked against the ledger's current key (present when the ledger verified). */
  files?: FilesVerification;
  /** Access files checked against the ledger's current key (present when the ledger verified). */
  access?: { members: number; problems: AccessProblem[] };
  /** With `against`: tokens in the checked-out encrypted files older than the revision's (token replay). */
  replays?: { file: string; replay: ReplayedToken; message: string }[];
  /** What to do about it (`verifyFixes`); empty when it verified. */
  fixes: string[];
}

export interface VerifyResult {
  valid: boolean;
  environments: EnvironmentVerification[];
}

export interface VerifyOptions {
  /** Only this environment; all environments with a ledger otherwise. */
  environment?: string;
  /**
   * A revision (commit, tag, branch) whose ledger the checked-out one must extend, and whose
   * encrypted files' tokens must not be newer per variable. Missing from the clone: `USAGE`.
   */
  against?: string;
  /** Make each ledger that verifies on its own the one this machine knows (after a legitimate re-init or an old checkout). */
  trustLedger?: boolean;
}

/**
 * `envguard verify`: checks every ledger from genesis (schema, chain, signatures, that each
 * rotation was authorised by the key before it). Needs no key, so CI on a fork can run it.
 * Returns the reports; the CLI decides the exit code.
 */
export function verifyProject(ctx: OpsContext, options: VerifyOptions = {}): VerifyResult {
  const root = ctx.repo.root;
  const environments = options.environment ? [options.environment] : findLedgerEnvironments(root);
  if (environments.length === 0) {
    throw failure('NOT_FOUND', LEDGER_MESSAGES.noLedger());
  }
  const revision = options.against === undefined ? undefined : resolveRevision(ctx, options.against);
  const results = environments.map((environment) => {
    const result = verifyEnvironment(ctx, root, environment, revision, options.trustLedger === true);
    return { ...result, fixes: verifyFixes(result) };
  });
  const filesOk = (result: EnvironmentVerification) => (result.files?.files ?? []).every((file) => file.result === 'ok') && (result.replays ?? []).length === 0;
  const accessOk = (result: EnvironmentVerification) => (result.access?.problems ?? []).length === 0;
  return { valid: results.every((result) => result.report.valid && filesOk(result) && accessOk(result)), environments: results };
}

function verifyEnvironment(ctx: OpsContext, root: string, environment: string, revision: Revision | undefined, trust: boolean): Omit<EnvironmentVerification, 'fixes'> {
  const file = ledgerPath(root, environment);
  const ledgerFile = ledgerFileName(environment);
  const value = readLedgerJson(file);
  const report = verifyLedger(value, { file: ledgerFile });
  const declared = (value as { environment?: unknown }).environment;
  if (report.valid && declared !== environment) {
    report.valid = false;
    report.problems.push({
      code: 'header',
      file: ledgerFile,
      entry: null,
      path: '/environment',
      ...LEDGER_MESSAGES.wrongEnvironment(path.basename(file), String(declared), environment, ledgerFileName(String(declared)), ledgerFile),
    });
  }
  if (!report.valid || report.currentKeyFingerprint === undefined) return { environment, ledgerFile, report };
  const ledger = value as Ledger;
  const anchored = revision ? anchorAgainstRevision(ctx, revision, environment, ledgerFile, ledger) : { problems: [], replays: [] };
  if (trust && anchored.problems.length === 0) trustLedger(ctx, ledger);
  const known = checkKnownLedger(ctx, ledger, ledgerFile, { remember: anchored.problems.length === 0 });
  report.problems.push(...anchored.problems, ...(known ? [known] : []));
  if (report.problems.length > 0) {
    // Not the chain this project had: nothing in it (key, files) is worth checking against.
    report.valid = false;
    return { environment, ledgerFile, report, replays: anchored.replays };
  }
  const files = verifyEnvironmentFiles(ctx, root, environment, ledger.projectId, report.currentKeyFingerprint, currentPublicKey(ledger));
  if (files.publicKeyMatches === false) {
    report.valid = false;
    report.problems.push({
      code: 'signature',
      file: ledgerFile,
      entry: currentKeyEntry(ledger).seq,
      path: `/entries/${currentKeyEntry(ledger).seq}/newPublicKey`,
      ...LEDGER_MESSAGES.foreignPublicKey(shortKeyId(report.currentKeyFingerprint), ledgerFile),
    });
  }
  const grants = checkEnvironmentGrants(root, environment, ledger);
  return { environment, ledgerFile, report, files, replays: anchored.replays, access: { members: grants.members.length, problems: grants.problems } };
}
