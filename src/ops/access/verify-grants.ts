import path from 'node:path';
import { ACCESS_ROOT, describeGrantProblem, verifyGrant } from '../../core/access/index.js';
import { currentKeyEntry, verifyLedger, type Ledger, type LedgerEntry } from '../../core/ledger/index.js';
import { findLedgerEnvironments, ledgerPath, readLedgerJson } from '../../io/ledger-file.js';
import { listDirectory } from '../../io/read-file.js';
import type { Problem } from '../../problem.js';
import type { OpsContext } from '../context.js';
import { readEnvGrants, type GrantFiles } from './env-grants.js';
import { ACCESS_MESSAGES } from './access-messages.js';

export type AccessProblemCode = 'unparsable' | 'old-key' | 'revoked' | 'bad-signature' | 'hash-mismatch' | 'misplaced' | 'age-without-grant' | 'grant-without-age' | 'stray' | 'no-ledger';

/**
 * One access file that does not verify or does not belong: a Problem in that file (`GRANT_INVALID`
 * where one error code is wanted), with the finer code `verify --json` has always printed.
 */
export interface AccessProblem extends Problem<AccessProblemCode> {
  environment: string;
  /** Repository-relative file the problem is about. */
  file: string;
  /** The same as `file` (the name `verify --json` printed first). */
  path: string;
}

export interface MemberCheck {
  environment: string;
  memberId: string;
  files: GrantFiles;
  /** Undefined when the grant verifies with the ledger's current key. */
  problem?: AccessProblem;
}

/**
 * Checks one environment's access files with public material only: each grant parses, is signed
 * by the ledger's current key for the current fingerprint, its `.age` is the file signed for, it
 * sits at its own path; no `.age` without `.json` or the reverse; nothing else in the directory.
 */
export function checkEnvironmentGrants(root: string, environment: string, ledger: Ledger): { members: MemberCheck[]; problems: AccessProblem[] } {
  const grants = readEnvGrants(root, environment);
  const current = currentKeyEntry(ledger);
  const problems = grants.strays.map((file) => accessProblem(environment, 'stray', file, ACCESS_MESSAGES.strayFile(file, `${ACCESS_ROOT}/${environment}`)));
  const members = grants.members.map((files): MemberCheck => {
    const problem = checkMember(environment, files, ledger, current.newPublicKey, current.newKeyFingerprint);
    if (problem) problems.push(problem);
    return { environment, memberId: files.memberId, files, problem };
  });
  return { members, problems };
}

function checkMember(environment: string, files: GrantFiles, ledger: Ledger, publicKey: string, currentFingerprint: string): AccessProblem | undefined {
  const at = (code: AccessProblemCode, file: string, wording: { message: string; hint: string }) => accessProblem(environment, code, file, wording);
  if (!files.parsed) return at('age-without-grant', files.paths.age, ACCESS_MESSAGES.ageWithoutGrant(files.paths.age));
  if ('reason' in files.parsed) return at('unparsable', files.paths.grant, ACCESS_MESSAGES.unparsableGrant(files.paths.grant, files.parsed.reason));
  if (!files.ageFile) return at('grant-without-age', files.paths.grant, ACCESS_MESSAGES.grantWithoutAge(files.paths.grant, files.paths.age));
  const problem = verifyGrant(files.parsed.grant, files.ageFile, publicKey, currentFingerprint, { envName: environment, memberId: files.memberId });
  if (!problem) return undefined;
  if (problem.code === 'old-key') {
    const revoked = revocationOf(ledger, files.memberId);
    if (revoked) return at('revoked', files.paths.grant, ACCESS_MESSAGES.revokedMember(files.paths.grant, revoked.time.slice(0, 10)));
  }
  return at(problem.code, files.paths.grant, describeGrantProblem(problem, files.paths.grant));
}

function accessProblem(environment: string, code: AccessProblemCode, file: string, wording: { message: string; hint: string }): AccessProblem {
  return { code, environment, file, path: file, ...wording };
}

/** The last completed rotation that revoked this member id, if any. */
function revocationOf(ledger: Ledger, memberId: string): LedgerEntry | undefined {
  return [...ledger.entries].reverse().find((entry) => entry.type === 'rotation' && entry.status === 'completed' && (entry.access?.revoked ?? []).some((member) => member.memberId === memberId));
}

/**
 * Every grant of the project (the use case `envguard verify` and `envguard ci` run): problems
 * for each environment whose ledger verifies, plus access directories with no ledger at all.
 */
export function verifyGrants(ctx: OpsContext): AccessProblem[] {
  const root = ctx.repo.root;
  const problems: AccessProblem[] = [];
  const environments = findLedgerEnvironments(root);
  for (const environment of environments) {
    const value = readLedgerJson(ledgerPath(root, environment));
    // A ledger that does not verify is reported by the ledger check; its grants cannot be judged.
    if (!verifyLedger(value).valid) continue;
    problems.push(...checkEnvironmentGrants(root, environment, value as Ledger).problems);
  }
  for (const name of listDirectory(path.join(root, ACCESS_ROOT)).sort()) {
    if (!environments.includes(name)) problems.push(accessProblem(name, 'no-ledger', `${ACCESS_ROOT}/${name}`, ACCESS_MESSAGES.accessWithoutLedger(`${ACCESS_ROOT}/${name}`, name)));
  }
  return problems;
}
