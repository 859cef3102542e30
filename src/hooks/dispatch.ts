import { EnvguardError, exitCodeOf } from '../errors.js';
import { gitTopLevel } from '../io/git.js';
import { defaultContext } from '../ops/context.js';
import { ledgerMergeDriver } from './ledger-merge-driver.js';
import { mergeDriver } from './merge-driver.js';
import { postCommitHook } from './post-commit.js';
import { postSyncHook } from './post-sync.js';
import { preCommitHook } from './pre-commit.js';
import { reportRotationPolicy } from './rotation-policy.js';
import { createHookIO } from './report.js';
import { textconv } from './textconv.js';

export const HOOK_NAMES = ['pre-commit', 'post-commit', 'post-checkout', 'post-merge', 'post-rewrite', 'pre-push'] as const;

/**
 * `envguard hook <name> [args…]`: what the installed hook shims and git drivers call.
 * Returns the exit code. `ENVGUARD_SKIP=1` turns every hook off; hooks never read stdin, so they
 * never wait for input.
 */
export function runHook(name: string | undefined, args: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const io = createHookIO(env);
  if (env.ENVGUARD_SKIP === '1' && name !== 'textconv' && name !== 'merge-driver' && name !== 'merge-ledger') return 0;
  try {
    const ctx = defaultContext({ cwd: gitTopLevel(process.cwd()), env, log: { info: io.say, warn: io.warn, debug: () => {} } });
    switch (name) {
      case 'pre-commit':
        return preCommitHook(ctx, io);
      case 'post-commit':
        return postCommitHook(ctx);
      case 'post-checkout':
        // $3 is 1 for a branch checkout, 0 for a file checkout (`git checkout -- file`): only the former.
        return args[2] === '0' ? 0 : postSyncHook(ctx, io);
      case 'post-merge':
      case 'post-rewrite':
        return postSyncHook(ctx, io);
      case 'pre-push':
        return reportRotationPolicy(ctx, io);
      case 'textconv':
        process.stdout.write(textconv(ctx, args[0] ?? ''));
        return 0;
      case 'merge-driver':
        return mergeDriver(ctx, io, args);
      case 'merge-ledger':
        return ledgerMergeDriver(io, args);
      default:
        throw new EnvguardError('USAGE', `unknown hook "${name ?? ''}"`, { hint: `use one of: ${HOOK_NAMES.join(', ')}, textconv, merge-driver, merge-ledger` });
    }
  } catch (error) {
    const code = exitCodeOf(error);
    io.error(error instanceof Error ? error.message : String(error));
    if (error instanceof EnvguardError && error.hint) io.error(`  fix: ${error.hint}`);
    // A post-* hook cannot undo git's work: report and let git carry on.
    return name?.startsWith('post-') ? 0 : code;
  }
}
