import type { Finding } from '../core/scan/types.js';
import type { OpsContext } from '../ops/context.js';
import { repositoryTop, trackedForbiddenFiles, untrackHint } from '../ops/support/tracked-forbidden.js';
import type { Output } from './output.js';
import { CHECK_MESSAGES as M } from './messages/checks-messages.js';

/** Tracked plaintext env and key files for `verify` and `status` (none outside a repository). */
export function trackedForbiddenIn(ctx: OpsContext): Array<Pick<Finding, 'file' | 'ruleId' | 'description'>> {
  if (repositoryTop(ctx) === undefined) return [];
  return trackedForbiddenFiles(ctx).map(({ file, ruleId, description }) => ({ file, ruleId, description }));
}

/** One FAIL line per tracked file, then the fix. */
export function printTrackedForbidden(output: Output, tracked: ReadonlyArray<Pick<Finding, 'file' | 'ruleId' | 'description'>>): void {
  if (tracked.length === 0) return;
  for (const file of tracked) output.out(M.trackedFile(M.fail(output.color), file.file, file.description));
  output.out(M.fix(untrackHint(tracked)));
}
