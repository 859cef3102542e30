import type { Problem } from '../problem.js';

/**
 * Every line the git hooks print that is not a use case's own Problem, in one place so the
 * wording is reviewed together. (Problems carry their message and fix; `report.ts` prints them.)
 */
export const HOOK_MESSAGES = {
  /** A problem that does not stop git (a policy under "warn"): message and fix on one line. */
  warning: (problem: Pick<Problem, 'message' | 'hint'>) => `${problem.message}; ${problem.hint}`,
  bypassRotation: 'to bypass once, at your own risk: ENVGUARD_SKIP=1 git …',
};
