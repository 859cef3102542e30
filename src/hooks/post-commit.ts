import type { OpsContext } from '../ops/context.js';
import { alignIndexAfterCommit } from '../ops/post-commit.js';

/** post-commit: see `alignIndexAfterCommit`; never fails the commit that already happened. */
export function postCommitHook(ctx: OpsContext): number {
  alignIndexAfterCommit(ctx);
  return 0;
}
