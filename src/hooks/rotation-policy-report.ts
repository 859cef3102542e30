import type { OpsContext } from '../ops/context.js';
import { checkRotationPolicy } from '../ops/rotation-policy.js';
import { HOOK_MESSAGES } from './messages.js';
import { printProblems, type HookIO } from './report.js';

/**
 * The overdue-rotation check shared by pre-commit and pre-push (`.envguard.json` `overdue`):
 * prints the warning or the `ROTATION_OVERDUE` refusal and returns the hook's exit code (1 only
 * under "block").
 */
export function reportRotationPolicy(ctx: OpsContext, io: HookIO): 0 | 1 {
  const { problem, block } = checkRotationPolicy(ctx);
  if (!problem) return 0;
  if (!block) {
    io.warn(HOOK_MESSAGES.warning(problem));
    return 0;
  }
  printProblems(io, [problem]);
  io.error(HOOK_MESSAGES.bypassRotation);
  return 1;
}
