import { childProcess } from './child-process.js';
import { EnvguardError } from '../errors.js';
import { isApproved } from './command-approval.js';

/**
 * Runs the project's `keyCommand` (Vault, 1Password, a cloud secret manager, kubectl…) and
 * returns its stdout. stdin is closed and a timeout applies, so a hook can never hang on it.
 * Neither its output nor its stderr is ever echoed: either may hold the key.
 *
 * The command comes from the repository, so any branch can change it: it runs only once this
 * machine approved that exact text for this checkout (`envguard allow`), never on a checkout alone.
 */
export function runKeyCommand(command: string, options: { cwd: string; envName: string; env: NodeJS.ProcessEnv; home: string }): string {
  if (!isApproved(options.home, options.cwd, command)) {
    throw new EnvguardError('KEY_COMMAND_UNAPPROVED', 'keyCommand in .envguard.json is not approved on this machine, so it was not run (a branch can change it)', {
      hint: 'read it (`envguard allow --show`), then approve it: `envguard allow`',
    });
  }
  const result = childProcess().spawnSync(command, {
    cwd: options.cwd,
    shell: true,
    env: { ...options.env, ENVGUARD_ENV: options.envName },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
    encoding: 'utf8',
  });
  if (result.error || result.status !== 0) {
    const why = result.error ? ((result.error as NodeJS.ErrnoException).code ?? 'error') : `exit code ${String(result.status ?? result.signal)}`;
    throw new EnvguardError('KEY_COMMAND_FAILED', `keyCommand in .envguard.json failed (${why})`, {
      hint: 'run the keyCommand by hand to see why, or set the key in ENVGUARD_KEY',
    });
  }
  return result.stdout;
}
