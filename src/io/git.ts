import type { SpawnSyncReturns } from 'node:child_process';
import { childProcess } from './child-process.js';
import { EnvguardError } from '../errors.js';

/**
 * Every git call goes through here (STYLE.md: one place spawns processes).
 *
 * Synchronous `spawnSync` rather than simple-git: a hook's whole life is a handful of short
 * git calls, and bundling simple-git measured about 70 ms of extra start-up per hook run
 * (bench/hook-startup), more than the hook's entire budget.
 */
export interface GitOptions {
  cwd: string;
  /** Written to git's stdin. */
  input?: string | Buffer;
  /** Extra environment (e.g. `GIT_INDEX_FILE` for a partial commit's temporary index). */
  env?: NodeJS.ProcessEnv;
  /** The environment the extra one is laid over; default `process.env` (a context's git passes `ctx.env`). */
  baseEnv?: NodeJS.ProcessEnv;
  /** Exit codes that are answers rather than failures (e.g. `git diff --quiet` returns 1). */
  okCodes?: readonly number[];
}

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  status: number;
}

/** Runs git and returns its raw output; throws `GIT_FAILED` on an unexpected exit code. */
export function execGit(args: readonly string[], options: GitOptions): GitResult {
  const result: SpawnSyncReturns<Buffer> = childProcess().spawnSync('git', args, {
    cwd: options.cwd,
    input: options.input,
    env: options.env ? { ...(options.baseEnv ?? process.env), ...options.env } : (options.baseEnv ?? process.env),
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new EnvguardError(missing ? 'GIT_MISSING' : 'GIT_FAILED', missing ? 'git is not installed or not on PATH' : `could not run git ${args[0] ?? ''}`, {
      hint: missing ? 'install git (e.g. `apt-get install git`) and run the command again' : undefined,
      cause: result.error,
    });
  }
  const status = result.status ?? 128;
  const stderr = result.stderr.toString('utf8');
  if (status !== 0 && !(options.okCodes ?? []).includes(status)) {
    if (/not a git repository/i.test(stderr)) throw notAGitRepo(options.cwd);
    throw new EnvguardError('GIT_FAILED', `git ${args[0] ?? ''} failed: ${firstLine(stderr)}`, { cause: stderr });
  }
  return { stdout: result.stdout, stderr, status };
}

/** Runs git and returns stdout as text without the trailing newline. */
export function gitText(args: readonly string[], options: GitOptions): string {
  return execGit(args, options).stdout.toString('utf8').replace(/\r?\n$/, '');
}

/** NUL-separated output (`-z`) split into entries. */
export function gitLinesZ(args: readonly string[], options: GitOptions): string[] {
  return execGit(args, options)
    .stdout.toString('utf8')
    .split('\0')
    .filter((entry) => entry.length > 0);
}

/** Git bound to one directory and one environment: what a use case gets as `ctx.git`. */
export interface Git {
  exec(args: readonly string[], options?: Partial<GitOptions>): GitResult;
  text(args: readonly string[], options?: Partial<GitOptions>): string;
  linesZ(args: readonly string[], options?: Partial<GitOptions>): string[];
}

/**
 * Git that runs in `cwd` with exactly `env` (not `process.env`): a context whose environment
 * names no `GIT_INDEX_FILE` gets none, whatever the process it runs in was given.
 */
export function bindGit(cwd: string, env: NodeJS.ProcessEnv): Git {
  const bound = (options: Partial<GitOptions> = {}): GitOptions => ({ cwd, baseEnv: env, ...options });
  return {
    exec: (args, options) => execGit(args, bound(options)),
    text: (args, options) => gitText(args, bound(options)),
    linesZ: (args, options) => gitLinesZ(args, bound(options)),
  };
}

/** A path inside the git dir that git itself resolves (worktrees, `core.hooksPath`), asked with the context's git. */
export function gitPath(git: Git, name: string): string {
  return git.text(['rev-parse', '--path-format=absolute', '--git-path', name]);
}

export function notAGitRepo(cwd: string): EnvguardError {
  return new EnvguardError('NOT_A_GIT_REPO', `${cwd} is not inside a git repository`, { hint: 'run `git init` first, or cd into your project' });
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
