import { printable } from '../../core/text/printable.js';
import { verifyLedger, type Ledger } from '../../core/ledger/index.js';
import { findLedgerEnvironments, ledgerPath, readLedgerJson } from '../../io/ledger-file.js';
import type { OpsContext } from '../context.js';
import { ACCESS_MESSAGES } from './access-messages.js';
import { checkEnvironmentGrants } from './verify-grants.js';

export interface AccessRow {
  environment: string;
  memberId: string;
  /** From the grant; shown only once its signature checked (`valid`), stripped of control characters. */
  name: string;
  kind: 'person' | 'ci' | 'unknown';
  grantedBy: string;
  grantedAt: string;
  recipient: string;
  valid: boolean;
  problem?: string;
}

/**
 * `envguard access list`: who can open which environment, granted by whom and when, each grant's
 * signature checked against the ledger's current key. Text from a grant that does not verify is
 * never shown: the row names the member id (from the path) and the problem.
 */
export function listAccess(ctx: OpsContext, options: { environment?: string } = {}): AccessRow[] {
  const root = ctx.repo.root;
  const rows: AccessRow[] = [];
  for (const environment of options.environment ? [options.environment] : findLedgerEnvironments(root)) {
    const value = readLedgerJson(ledgerPath(root, environment));
    if (!verifyLedger(value).valid) {
      rows.push({ environment, memberId: '-', name: '-', kind: 'unknown', grantedBy: '-', grantedAt: '-', recipient: '-', valid: false, problem: ACCESS_MESSAGES.ledgerDoesNotVerify(environment) });
      continue;
    }
    for (const member of checkEnvironmentGrants(root, environment, value as Ledger).members) {
      const grant = member.files.parsed && 'grant' in member.files.parsed ? member.files.parsed.grant : undefined;
      if (grant && !member.problem) {
        rows.push({ environment, memberId: member.memberId, name: printable(grant.memberName), kind: grant.kind, grantedBy: printable(grant.grantedBy.gitActor), grantedAt: grant.grantedAt, recipient: printable(grant.recipient), valid: true });
      } else {
        rows.push({ environment, memberId: member.memberId, name: '?', kind: 'unknown', grantedBy: '?', grantedAt: '?', recipient: '?', valid: false, problem: member.problem ? `${member.problem.message}; ${member.problem.hint}` : undefined });
      }
    }
  }
  return rows;
}

/**
 * A short description of who can open an environment, for `envguard ls`'s access column:
 * "alice, bob, ci (ci)", "no access files", or with a count of grants that do not verify.
 */
export function describeAccess(ctx: OpsContext, environment: string): string {
  const rows = listAccess(ctx, { environment });
  if (rows.length === 0) return ACCESS_MESSAGES.noAccessFiles;
  const good = rows.filter((row) => row.valid).map((row) => (row.kind === 'ci' ? `${row.memberId} (ci)` : row.memberId));
  const bad = rows.length - good.length;
  return [good.join(', '), bad > 0 ? ACCESS_MESSAGES.invalidGrants(bad) : ''].filter(Boolean).join('; ');
}
