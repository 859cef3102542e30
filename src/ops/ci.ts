import type { Finding } from '../core/scan/types.js';
import { failure, isEnvguardError } from '../errors.js';
import { isShallowRepository, resolveCommit } from '../io/git-range.js';
import type { Git } from '../io/git.js';
import type { Problem } from '../problem.js';
import { withCwd, type OpsContext } from './context.js';
import { checkRotationPolicy } from './rotation-policy.js';
import { scanCommits } from './support/scan-commits.js';
import { projectKnownValues } from './scan.js';
import { trackedForbiddenFiles, untrackHint } from './support/tracked-forbidden.js';
import { verifyProject, type VerifyOptions, type VerifyResult } from './verify.js';
import { verifyGrants } from './access/verify-grants.js';
import { ENFORCE_MESSAGES } from './enforce-messages.js';

/**
 * `envguard ci`: the checks that cannot be skipped, in one run with no key (DESIGN.md,
 * Enforcement beyond the laptop): the ledgers verified, every commit in `REV..HEAD` scanned,
 * no tracked plaintext env or key file, the rotation policy, and whatever checks are registered
 * in `CI_EXTENSION_CHECKS`. Any problem makes the run fail.
 */

export type CiCheckName = 'ledger' | 'commits' | 'tracked-files' | 'rotation' | 'access-grants';

/**
 * One reason the run fails: a Problem (its `file` is what SARIF points at) under the check that
 * found it, one code per situation (`SECRET_FOUND` in a commit, `PLAINTEXT_STAGED` tracked,
 * `LEDGER_INVALID`, `KEY_MISMATCH`/`DECRYPT_FAILED` for a file, `TOKEN_REPLAY`, `ROTATION_OVERDUE`,
 * `GRANT_INVALID`).
 */
export interface CiProblem extends Problem {
  check: CiCheckName;
  /** The commit a finding of the `commits` check is in. */
  commit?: string;
}

/**
 * A further CI check: the extension point for the access grants of `envguard access` (DESIGN.md,
 * Per-person access: `verify` checks every grant). A check returns its problems; it is listed in
 * the result's `checked` once registered. Until one is, the result lists 'access-grants' under
 * `notChecked`, and the CLI says so: nothing pretends the grants were verified.
 */
export type CiExtensionCheck = { name: CiCheckName; run: (ctx: OpsContext, root: string) => CiProblem[] };
export const CI_EXTENSION_CHECKS: CiExtensionCheck[] = [
  { name: 'access-grants', run: (ctx, root) => verifyGrants(withCwd(ctx, root)).map((problem) => ({ check: 'access-grants', code: 'GRANT_INVALID', file: problem.file, message: problem.message, hint: problem.hint })) },
];

export interface CiOptions {
  /** The trusted base: the ledger must extend its ledger, and the commits after it are scanned. Default: all of HEAD's history. */
  against?: string;
}

export interface CiResult {
  ok: boolean;
  against: string | undefined;
  checked: CiCheckName[];
  notChecked: CiCheckName[];
  problems: CiProblem[];
  warnings: string[];
  /** Secrets and forbidden files in the scanned commits and among tracked files (masked). */
  findings: Finding[];
  commitsScanned: number;
  verify: VerifyResult | undefined;
}

export async function runCi(ctx: OpsContext, options: CiOptions = {}): Promise<CiResult> {
  const root = ctx.repo.root;
  const at = withCwd(ctx, root);
  const against = options.against === undefined ? undefined : requireBase(at.git, options.against);
  const result: CiResult = { ok: true, against, checked: [], notChecked: [], problems: [], warnings: [], findings: [], commitsScanned: 0, verify: undefined };

  verifyLedgers(at, result);

  const config = ctx.config;
  if (!against && isShallowRepository(at.git)) result.warnings.push(ENFORCE_MESSAGES.shallowClone);
  const scan = await scanCommits(at, {
    revisions: against ? ['HEAD', `^${against}`] : ['HEAD'],
    knownValues: config.scan.knownValues === false ? [] : projectKnownValues(at),
    ignorePaths: config.scan.ignorePaths,
    sensitivity: { sensitiveNames: config.sensitiveNames, publicNames: config.publicNames },
  });
  result.checked.push('commits');
  result.commitsScanned = scan.commits;
  result.findings.push(...scan.findings);
  for (const finding of scan.findings) {
    result.problems.push({ check: 'commits', code: 'SECRET_FOUND', file: finding.file, line: finding.line, ...(finding.commit ? { commit: finding.commit } : {}), ...ENFORCE_MESSAGES.findingInCommit(finding) });
  }

  const tracked = trackedForbiddenFiles(ctx);
  result.checked.push('tracked-files');
  result.findings.push(...tracked);
  // One command untracks them all: each problem's fix names every file (the text output prints it once).
  for (const finding of tracked) result.problems.push({ check: 'tracked-files', code: 'PLAINTEXT_STAGED', file: finding.file, message: ENFORCE_MESSAGES.trackedFile(finding), hint: untrackHint(tracked) });

  const policy = checkRotationPolicy(at);
  result.checked.push('rotation');
  if (policy.problem && policy.block) result.problems.push({ check: 'rotation', code: 'ROTATION_OVERDUE', message: policy.problem.message, hint: policy.problem.hint });
  else if (policy.problem) result.warnings.push(`${policy.problem.message}; ${policy.problem.hint}`);

  for (const check of CI_EXTENSION_CHECKS) {
    result.checked.push(check.name);
    result.problems.push(...check.run(ctx, root));
  }
  if (!result.checked.includes('access-grants')) result.notChecked.push('access-grants');
  result.ok = result.problems.length === 0;
  return result;
}

/** The base must be here: a shallow CI checkout without it cannot prove anything (exit 2, with the fetch). */
function requireBase(git: Git, rev: string): string {
  const sha = resolveCommit(git, rev);
  if (sha !== undefined) return sha;
  if (isShallowRepository(git)) throw failure('USAGE', ENFORCE_MESSAGES.baseNotInShallowClone(rev));
  throw failure('NOT_FOUND', ENFORCE_MESSAGES.baseMissing(rev));
}

/**
 * Every ledger verified with no key, anchored to the base: `verify --against REV` proves the
 * ledger at HEAD extends the one at REV and that no token went back in time. The anchor belongs to
 * verify (ops/verify.ts); `against` is handed through as its option. (Typed as an intersection so
 * this compiles before and after verify grew the option; a verify without it checks unanchored.)
 */
function verifyLedgers(ctx: OpsContext, result: CiResult): void {
  result.checked.push('ledger');
  const options: VerifyOptions & { against?: string } = result.against === undefined ? {} : { against: result.against };
  try {
    result.verify = verifyProject(ctx, options);
  } catch (error) {
    if (isEnvguardError(error, 'NOT_FOUND')) {
      result.warnings.push(ENFORCE_MESSAGES.noLedger);
      return;
    }
    throw error;
  }
  for (const environment of result.verify.environments) {
    const hint = environment.fixes[0] ?? ENFORCE_MESSAGES.seeVerify;
    for (const problem of environment.report.problems) result.problems.push({ check: 'ledger', code: 'LEDGER_INVALID', file: environment.ledgerFile, message: `${environment.ledgerFile}: ${problem.message}`, hint: problem.hint });
    for (const file of environment.files?.files ?? []) {
      if (file.result !== 'ok') result.problems.push({ check: 'ledger', code: file.result === 'other-key' ? 'KEY_MISMATCH' : 'DECRYPT_FAILED', file: file.path, message: file.message ?? `${file.path}: ${file.result}`, hint });
    }
    // Token replay found by the anchored verify: an older token pasted back over a newer one.
    for (const replay of environment.replays ?? []) result.problems.push({ check: 'ledger', code: 'TOKEN_REPLAY', file: replay.file, line: replay.replay.line, message: replay.message, hint });
  }
}
