import type { OpsContext } from '../ops/context.js';
import { checkRotationPolicy } from '../ops/rotation-policy.js';
import type { HookIO } from './report.js';

/**
 * The overdue-rotation check shared by pre-commit and pre-push (`.envguard.json` `overdue`):
 * prints the warning or refusal and returns the hook's exit code (1 only under "block").
 */
export function reportRotationPolicy(ctx: OpsContext, io: HookIO): 0 | 1 {
  const policy = checkRotationPolicy(ctx);
  if (!policy.message) return 0;
  if (!policy.block) {
    io.warn(policy.message);
    return 0;
  }
  io.error(policy.message);
  io.error('to bypass once, at your own risk: ENVGUARD_SKIP=1 git …');
  return 1;
}
