import type { OpsContext } from '../ops/context.js';
import { mergeEncryptedFile } from '../ops/merge-encrypted-file.js';
import { HOOK_MESSAGES } from './messages.js';
import { printProblems, type HookIO } from './report.js';

/**
 * `envguard hook merge-driver %O %A %B %P` (git's `merge.envguard.driver`): see
 * `mergeEncryptedFile`. Exit 0 when the merge is clean, 1 for git to stop on a conflict.
 */
export function mergeDriver(ctx: OpsContext, io: HookIO, args: readonly string[]): number {
  const [basePath, oursPath, theirsPath, displayPath = '.env.encrypted'] = args;
  if (!basePath || !oursPath || !theirsPath) {
    io.error(HOOK_MESSAGES.mergeDriverUsage);
    return 2;
  }
  const result = mergeEncryptedFile(ctx, { basePath, oursPath, theirsPath, displayPath });
  printProblems(io, result.problems);
  return result.clean ? 0 : 1;
}
