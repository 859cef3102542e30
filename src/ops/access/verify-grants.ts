import path from 'node:path';
import { ACCESS_ROOT, describeGrantProblem, verifyGrant } from '../../core/access/index.js';
import { currentKeyEntry, verifyLedger, type Ledger, type LedgerEntry } from '../../core/ledger/index.js';
import { findLedgerEnvironments, ledgerPath, readLedgerJson } from '../../io/ledger-file.js';
import { listDirectory } from '../../io/read-file.js';
import type { OpsContext } from '../context.js';
import { readEnvGrants, type GrantFiles } from './env-grants.js';

export interface GrantProblemReport {
  environment: string;
  /** Repository-relative file the problem is about. */
  path: string;
  code: 'unparsable' | 'old-key' | 'revoked' | 'bad-signature' | 'hash-mismatch' | 'misplaced' | 'age-without-grant' | 'grant-without-age' | 'stray' | 'no-ledger';
  /** One line naming the file and the fix; never quotes the unverified file. */
  message: string;
}

export interface MemberCheck {
  environment: string;
  memberId: string;
  files: GrantFiles;
  /** Undefined when the grant verifies with the ledger's current key. */
  problem?: GrantProblemReport;
}

/**
 * Checks one environment's access files with public material only: each grant parses, is signed
 * by the ledger's current key for the current fingerprint, its `.age` is the file signed for, it
 * sits at its own path; no `.age` without `.json` or the reverse; nothing else in the directory.
 */
export function checkEnvironmentGrants(root: string, environment: string, ledger: Ledger): { members: MemberCheck[]; problems: GrantProblemReport[] } {
  const grants = readEnvGrants(root, environment);
  const current = currentKeyEntry(ledger);
  const problems: GrantProblemReport[] = grants.strays.map((file) => ({ environment, path: file, code: 'stray', message: `${file} is not an access file: only <member-id>.age and <member-id>.json belong in ${ACCESS_ROOT}/${environment}; move it elsewhere` }));
  const members = grants.members.map((files): MemberCheck => {
    const problem = checkMember(environment, files, ledger, current.newPublicKey, current.newKeyFingerprint);
    if (problem) problems.push(problem);
    return { environment, memberId: files.memberId, files, problem };
  });
  return { members, problems };
}

function checkMember(environment: string, files: GrantFiles, ledger: Ledger, publicKey: string, currentFingerprint: string): GrantProblemReport | undefined {
  const at = (code: GrantProblemReport['code'], file: string, message: string): GrantProblemReport => ({ environment, path: file, code, message });
  if (!files.parsed) return at('age-without-grant', files.paths.age, `${files.paths.age} has no grant beside it: delete it, or grant the member again (\`envguard access grant\`)`);
  if ('reason' in files.parsed) return at('unparsable', files.paths.grant, `${files.paths.grant} ${files.parsed.reason}: restore it from git, or delete it and grant again`);
  if (!files.ageFile) return at('grant-without-age', files.paths.grant, `${files.paths.grant} has no wrapped key (${path.basename(files.paths.age)}) beside it: delete it, or grant the member again`);
  const problem = verifyGrant(files.parsed.grant, files.ageFile, publicKey, currentFingerprint, { envName: environment, memberId: files.memberId });
  if (!problem) return undefined;
  if (problem.code === 'old-key') {
    const revoked = revocationOf(ledger, files.memberId);
    if (revoked) return at('revoked', files.paths.grant, `${files.paths.grant} belongs to a member revoked on ${revoked.time.slice(0, 10)}: delete both of their files`);
  }
  return at(problem.code, files.paths.grant, describeGrantProblem(problem, files.paths.grant));
}

/** The last completed rotation that revoked this member id, if any. */
function revocationOf(ledger: Ledger, memberId: string): LedgerEntry | undefined {
  return [...ledger.entries].reverse().find((entry) => entry.type === 'rotation' && entry.status === 'completed' && (entry.access?.revoked ?? []).some((member) => member.memberId === memberId));
}

/**
 * Every grant of the project (the use case `envguard verify` and `envguard ci` run): problems
 * for each environment whose ledger verifies, plus access directories with no ledger at all.
 */
export function verifyGrants(ctx: OpsContext): GrantProblemReport[] {
  const root = ctx.repo.root;
  const problems: GrantProblemReport[] = [];
  const environments = findLedgerEnvironments(root);
  for (const environment of environments) {
    const value = readLedgerJson(ledgerPath(root, environment));
    // A ledger that does not verify is reported by the ledger check; its grants cannot be judged.
    if (!verifyLedger(value).valid) continue;
    problems.push(...checkEnvironmentGrants(root, environment, value as Ledger).problems);
  }
  const accessRoot = path.join(root, ACCESS_ROOT);
  {
    for (const name of listDirectory(accessRoot).sort()) {
      if (!environments.includes(name)) problems.push({ environment: name, path: `${ACCESS_ROOT}/${name}`, code: 'no-ledger', message: `${ACCESS_ROOT}/${name} is for an environment with no ledger: delete it, or run \`envguard init --env ${name}\`` });
    }
  }
  return problems;
}
