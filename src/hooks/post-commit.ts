import type { OpsContext } from '../ops/context.js';
import { alignIndexAfterCommit, settleSyncAfterCommit } from '../ops/after-commit.js';

/** post-commit: see `alignIndexAfterCommit` and `settleSyncAfterCommit`; never fails the commit that already happened. */
export function postCommitHook(ctx: OpsContext): number {
  alignIndexAfterCommit(ctx);
  settleSyncAfterCommit(ctx);
  return 0;
}
