import { daysUntilDue, nextRotationDue, type Ledger } from '../core/ledger/index.js';
import { envFlag } from '../core/env-files.js';
import { findLedgerEnvironments, ledgerPath, readLedgerJson } from '../io/ledger-file.js';
import { schemaProblems } from '../core/ledger/schema.js';
import type { Problem } from '../problem.js';
import type { OpsContext } from './context.js';
import { LEDGER_MESSAGES } from './ledger-messages.js';
import { environmentStatus } from './status.js';

export interface OverdueEnvironment {
  environment: string;
  /** ISO date the rotation was due. */
  due: string;
  daysOverdue: number;
}

export interface RotationPolicyResult {
  /** True when at least one environment's key is past its rotation date. */
  overdue: boolean;
  /** True when overdue and `.envguard.json` says `"overdue": "block"`: the hook must refuse. */
  block: boolean;
  /** `ROTATION_OVERDUE` with the rotate command that fixes it; undefined when nothing is due. Under "block" the hooks and `ci` refuse with it. */
  problem: Problem | undefined;
  environments: OverdueEnvironment[];
}

/**
 * The rotation policy check the pre-commit and pre-push hooks call: which keys are overdue, and
 * whether `.envguard.json` `overdue` ("off" | "warn" | "block", default "warn") makes that a
 * refusal. Cheap (reads the ledgers' due dates; `envguard verify` checks the signatures) and never
 * fails the hook on a missing or unreadable ledger.
 */
export function checkRotationPolicy(ctx: OpsContext): RotationPolicyResult {
  const { config } = ctx;
  const root = ctx.repo.root;
  const none: RotationPolicyResult = { overdue: false, block: false, problem: undefined, environments: [] };
  if (config.overdue === 'off') return none;
  const environments: OverdueEnvironment[] = [];
  for (const environment of findLedgerEnvironments(root)) {
    let value: unknown;
    try {
      value = readLedgerJson(ledgerPath(root, environment));
    } catch {
      continue;
    }
    if (schemaProblems(value).length > 0) continue;
    const ledger = value as Ledger;
    if (ledger.entries[0]?.type !== 'genesis') continue;
    const days = daysUntilDue(ledger, ctx.now());
    if (days < 0) environments.push({ environment, due: nextRotationDue(ledger), daysOverdue: -days });
  }
  if (environments.length === 0) return none;
  const block = config.overdue === 'block';
  const command = environments.length === 1 ? `envguard rotate${envFlag(environments[0]?.environment ?? 'default')}` : 'envguard rotate --all';
  const overdue = environments.map((e) => ({ environment: e.environment, due: e.due.slice(0, 10), daysOverdue: e.daysOverdue }));
  return { overdue: true, block, problem: { code: 'ROTATION_OVERDUE', ...LEDGER_MESSAGES.rotationOverdue(overdue, command, block) }, environments };
}

export interface NotDueEnvironment {
  environment: string;
  /** ISO date the next rotation is due. */
  due: string;
  daysLeft: number;
}

/**
 * The environments a rotation would touch (`all`: every one with a ledger) and those of them not
 * due yet, from the same due dates `status` shows. `rotate` without `--force` refuses (or asks)
 * when any is not due.
 */
export function rotationTargets(ctx: OpsContext, options: { all?: boolean; environment?: string }): { environments: string[]; notDue: NotDueEnvironment[] } {
  const root = ctx.repo.root;
  const environments = options.all ? findLedgerEnvironments(root) : [options.environment ?? 'default'];
  const notDue: NotDueEnvironment[] = [];
  for (const environment of environments) {
    const status = environmentStatus(ctx, root, environment);
    if (status.daysLeft !== undefined && status.nextRotationDue !== undefined && Date.parse(status.nextRotationDue) > ctx.now().getTime()) {
      notDue.push({ environment, due: status.nextRotationDue, daysLeft: status.daysLeft });
    }
  }
  return { environments, notDue };
}
