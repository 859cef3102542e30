import { isEncryptedEnvFile } from '../core/env-files.js';
import { listDirectory } from '../io/read-file.js';
import type { RepoPaths } from '../io/repo-paths.js';
import { stateDirIn } from '../io/sync-state.js';
import type { OpsContext } from '../ops/context.js';
import { syncEnvFile, type SyncOutcome } from '../ops/sync-env.js';
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
      io.say(`decrypted ${outcome.envFile}`);
      return;
    case 'merged':
      io.say(`decrypted ${outcome.envFile}, keeping your local edits${outcome.keptLocal.length ? ` to ${outcome.keptLocal.join(', ')}` : ''}`);
      return;
    case 'conflict':
      io.warn(`${outcome.envFile}: your local edits and the incoming change both touch ${outcome.conflicts.join(', ')}`);
      io.warn(`kept your ${outcome.envFile}; the incoming version is in ${outcome.incomingFile}`);
      io.warn(`fix: merge the two by hand into ${outcome.envFile}, delete ${outcome.incomingFile}, then run \`envguard encrypt\``);
      return;
    case 'kept-local':
      io.warn(`${outcome.envFile} has local edits envguard cannot merge; kept it, the incoming version is in ${outcome.incomingFile}`);
      io.warn(`fix: merge ${outcome.incomingFile} into ${outcome.envFile} by hand, delete it, then run \`envguard encrypt\``);
      return;
    default:
      io.warn(outcome.message);
      if (outcome.hint) io.warn(`fix: ${outcome.hint}`);
  }
}
