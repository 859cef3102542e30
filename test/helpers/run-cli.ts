import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
/** The bundled CLI, as users and git hooks run it. `npm test` builds it first. */
export const CLI = path.join(root, 'dist', 'cli.cjs');
/** The same CLI with the fault-injection hooks compiled in (tsup.test.config.ts), for the crash tests. */
export const TEST_CLI = path.join(root, 'dist-test', 'cli.cjs');

export interface CliResult {
  status: number;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Builds dist/cli.cjs when it is missing or older than a source or schema file (running one test file directly). */
export function ensureBuilt(): void {
  let built = 0;
  try {
    built = Math.min(statSync(CLI).mtimeMs, statSync(TEST_CLI).mtimeMs);
  } catch {
    // not built yet
  }
  if (built > newestSource(path.join(root, 'src')) && built > newestSource(path.join(root, 'templates'))) return;
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr}`);
}

/** Runs `envguard <args>` in `cwd` with exactly the given environment. */
export function runCli(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; input?: string; bundle?: 'release' | 'test' }): CliResult {
  const result = spawnSync(process.execPath, [options.bundle === 'test' ? TEST_CLI : CLI, ...args], { cwd: options.cwd, env: options.env, input: options.input ?? '', encoding: 'utf8' });
  return { status: result.status ?? -1, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && !entry.parentPath.includes(`${path.sep}generated`)) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
