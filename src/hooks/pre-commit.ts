import { stateDir } from '../io/sync-state.js';
import type { OpsContext } from '../ops/context.js';
import { preCommit } from '../ops/pre-commit.js';
import type { HookIO } from './report.js';
import { reportRotationPolicy } from './rotation-policy.js';

/** pre-commit: encrypt and stage changed env files; refuse plaintext secrets in the staged change. */
export function preCommitHook(ctx: OpsContext, io: HookIO): number {
  // Checked first: under "overdue": "block" nothing is encrypted or staged for a refused commit.
  if (reportRotationPolicy(ctx, io) === 1) return 1;
  const result = preCommit(ctx, stateDir(ctx.cwd));
  for (const file of result.staged) io.say(`encrypted and staged ${file}`);
  for (const warning of result.warnings) io.warn(warning);
  if (result.refusals.length === 0) return 0;
  for (const refusal of result.refusals) {
    io.error(`${refusal.file}: ${refusal.message}`);
    io.error(`  fix: ${refusal.fix}`);
  }
  io.error(`commit refused (${result.refusals.length} problem${result.refusals.length === 1 ? '' : 's'}); to bypass once, at your own risk: ENVGUARD_SKIP=1 git commit …`);
  return 1;
}
