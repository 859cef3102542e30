import { childProcess } from './child-process.js';
import { EnvguardError } from '../errors.js';

/** Runs a Node script with this Node (e.g. husky's installer), quietly; throws when it fails. */
export function runNodeScript(script: string, args: readonly string[], cwd: string): void {
  const result = childProcess().spawnSync(process.execPath, [script, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) {
    throw new EnvguardError('IO_ERROR', `${script} failed (${result.error ? 'could not start' : `exit ${String(result.status)}`})`, {
      hint: 'run `npx husky` by hand, then `envguard init` again',
    });
  }
}
