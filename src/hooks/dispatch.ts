import path from 'node:path';
import { printableFirstLine } from '../core/text/printable.js';
import { EnvguardError, exitCodeOf } from '../errors.js';
import { pathExists } from '../io/read-file.js';
import { hookRepoPaths } from '../io/repo-paths.js';
import { defaultContext, type OpsContext } from '../ops/context.js';
import { fixLine, problemLine } from '../problem.js';
import { createHookIO } from './report.js';

// Each hook's module is imported when that hook runs (bench/hook.mjs): a post-checkout does not
// load or initialise the secret scan's rule tables, the merge drivers or the setup code.

export const HOOK_NAMES = ['pre-commit', 'post-commit', 'post-checkout', 'post-merge', 'post-rewrite', 'pre-push', 'post-index-change'] as const;

/**
 * `envguard hook <name> [args…]`: what the installed hook shims and git drivers call.
 * Returns the exit code. `ENVGUARD_SKIP=1` turns every hook off; only pre-push and pre-receive
 * read stdin (git's ref lines), so no hook waits for input.
 */
export async function runHook(name: string | undefined, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const io = createHookIO(env);
  if (env.ENVGUARD_SKIP === '1' && name !== 'textconv' && name !== 'merge-driver' && name !== 'merge-ledger') return 0;
  try {
    const log = { info: io.say, warn: io.warn, debug: () => {} };
    // A server's bare repository: no working tree, no key, no setup to complete.
    if (name === 'pre-receive') return await (await import('./pre-receive.js')).preReceiveHook(defaultContext({ cwd: process.cwd(), env, log }), io);
    const paths = hookRepoPaths(process.cwd(), env);
    const ctx = defaultContext({ cwd: paths.root, root: paths.root, repo: paths, env, log });
    if (name !== 'textconv' && name !== 'merge-driver' && name !== 'merge-ledger') await completeSetup(ctx);
    switch (name) {
      case 'post-index-change':
        // The index was rewritten (`git merge --abort`, `git reset`): undo an aborted merge's view.
        (await import('../ops/restore-after-abort.js')).restoreAbortedMergeViews(ctx);
        return 0;
      case 'pre-commit': {
        // husky has no post-index-change hook: an aborted merge's view is undone here at the latest.
        (await import('../ops/restore-after-abort.js')).restoreAbortedMergeViews(ctx);
        const [{ preCommitHook }, { keyInEnvCheck }, { secretScanCheck }] = await Promise.all([import('./pre-commit.js'), import('./key-in-env-check.js'), import('./secret-scan-check.js')]);
        // Checks pre-commit runs after encrypting and staging (see `StagedCheck`): a key in an env
        // file, then the secret scan of the staged change. (The rotation policy runs first, in
        // preCommitHook, so a blocked commit stages nothing.)
        return await preCommitHook(ctx, io, paths, [keyInEnvCheck, secretScanCheck]);
      }
      case 'post-commit':
        return (await import('./post-commit.js')).postCommitHook(ctx);
      case 'post-checkout':
        // $3 is 1 for a branch checkout, 0 for a file checkout (`git checkout -- file`): only the former.
        return args[2] === '0' ? 0 : (await import('./post-sync.js')).postSyncHook(ctx, io, paths);
      case 'post-merge':
      case 'post-rewrite':
        return (await import('./post-sync.js')).postSyncHook(ctx, io, paths);
      case 'pre-push':
        return await (await import('./pre-push.js')).prePushHook(ctx, io, args);
      case 'textconv':
        return (await import('./textconv.js')).textconvHook(ctx, args);
      case 'merge-driver':
        return (await import('./merge-driver.js')).mergeDriver(ctx, io, args);
      case 'merge-ledger':
        return (await import('./ledger-merge-driver.js')).ledgerMergeDriver(io, args);
      default:
        throw new EnvguardError('USAGE', `unknown hook "${name ?? ''}"`, { hint: `use one of: ${HOOK_NAMES.join(', ')}, pre-receive, textconv, merge-driver, merge-ledger` });
    }
  } catch (error) {
    const code = exitCodeOf(error);
    io.error(error instanceof EnvguardError ? problemLine(error) : printableFirstLine(error instanceof Error ? error.message : String(error)));
    if (error instanceof EnvguardError && error.hint) io.error(fixLine(error.hint));
    // A post-* hook cannot undo git's work: report and let git carry on.
    return name?.startsWith('post-') ? 0 : code;
  }
}

/**
 * A fresh clone of a husky project gets its hooks from `npm install`, but git config and the
 * git dir are not cloned: the first hook to run installs the runner and the diff/merge drivers.
 * One file check when all is in place.
 */
async function completeSetup(ctx: OpsContext): Promise<void> {
  if (pathExists(path.join(ctx.repo.commonDir, 'envguard', 'run'))) return;
  (await import('../ops/init/drivers.js')).installDrivers(ctx);
}
