import type { OpsContext } from '../ops/context.js';
import { afterCommit } from '../ops/after-commit.js';

/** post-commit: see `afterCommit`; never fails the commit that already happened. */
export function postCommitHook(ctx: OpsContext): number {
  afterCommit(ctx);
  return 0;
}
