import { isEncryptedEnvFile } from '../core/env-files.js';
import { listDirectory } from '../io/read-file.js';
import type { RepoPaths } from '../io/repo-paths.js';
import { stateDirIn } from '../io/sync-state.js';
import type { OpsContext } from '../ops/context.js';
import { syncEnvFile, type SyncOutcome } from '../ops/sync-env.js';
import { HOOK_MESSAGES } from './messages.js';
import type { HookIO } from './report.js';

/**
 * post-checkout (branch switches), post-merge and post-rewrite: decrypt what changed. These hooks
 * cannot undo git's work, so they always exit 0 and explain instead of failing.
 */
export function postSyncHook(ctx: OpsContext, io: HookIO, paths: RepoPaths): number {
  if (!ctx.config.decrypt.onCheckout) return 0;
  const encryptedFiles = listDirectory(ctx.cwd).filter(isEncryptedEnvFile).sort();
  if (encryptedFiles.length === 0) return 0;
  const dir = stateDirIn(paths.gitDir);
  for (const file of encryptedFiles) report(io, syncEnvFile(ctx, file, dir));
  return 0;
}

function report(io: HookIO, outcome: SyncOutcome): void {
  switch (outcome.kind) {
    case 'unchanged':
      return;
    case 'written':
      io.say(HOOK_MESSAGES.decrypted(outcome.envFile));
      return;
    case 'merged':
      io.say(HOOK_MESSAGES.decryptedKeepingLocal(outcome.envFile, outcome.keptLocal));
      return;
    case 'conflict':
      for (const line of HOOK_MESSAGES.syncConflict(outcome.envFile, outcome.conflicts, outcome.incomingFile)) io.warn(line);
      return;
    case 'kept-local':
      for (const line of HOOK_MESSAGES.syncKeptLocal(outcome.envFile, outcome.incomingFile)) io.warn(line);
      return;
    default:
      io.warn(outcome.message);
      if (outcome.hint) io.warn(HOOK_MESSAGES.fix(outcome.hint));
  }
}
