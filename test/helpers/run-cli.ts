import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
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
  const seen = builtAt();
  if (seen > newestSource(path.join(root, 'src')) && seen > newestSource(path.join(root, 'templates'))) return;
  // Test files run in parallel workers: one builds, the others wait for it and find it built.
  withLock(path.join(path.dirname(TEST_CLI), '.build-lock'), () => {
    if (builtAt() > seen) return;
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr}`);
  });
}

/** When both bundles were last built (0 when one is missing). */
function builtAt(): number {
  return Math.min(statSync(CLI, { throwIfNoEntry: false })?.mtimeMs ?? 0, statSync(TEST_CLI, { throwIfNoEntry: false })?.mtimeMs ?? 0);
}

function withLock(lock: string, body: () => void): void {
  mkdirSync(path.dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run would block every later one: a build takes seconds, not minutes.
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 300_000) rmSync(lock, { recursive: true, force: true });
      if (waited > 600_000) throw new Error(`timed out waiting for ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    body();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Runs `envguard <args>` in `cwd` with exactly the given environment. */
export function runCli(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; input?: string; bundle?: 'release' | 'test' }): CliResult {
  const result = spawnSync(process.execPath, [options.bundle === 'test' ? TEST_CLI : CLI, ...args], { cwd: options.cwd, env: options.env, input: options.input ?? '', encoding: 'utf8' });
  return { status: result.status ?? -1, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** `runCli` without blocking the worker, so that `it.concurrent` tests overlap their CLI runs. */
export function runCliAsync(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; input?: string; bundle?: 'release' | 'test' }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.bundle === 'test' ? TEST_CLI : CLI, ...args], { cwd: options.cwd, env: options.env });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status: status ?? -1, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
    child.stdin.on('error', () => undefined); // a CLI killed before reading its stdin
    child.stdin.end(options.input ?? '');
  });
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && !entry.parentPath.includes(`${path.sep}generated`)) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
