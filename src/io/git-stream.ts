import { childProcess } from './child-process.js';
import { createInterface } from 'node:readline';
import { EnvguardError } from '../errors.js';

/**
 * git output read line by line as it is produced, for commands whose output grows with history
 * (`git log -p` over thousands of commits): memory stays at one line plus what the caller keeps.
 * The short, bounded git calls go through `execGit` (git.ts); this is the streaming twin.
 */
export interface GitStreamOptions {
  cwd: string;
  /** Exactly the environment git runs with: a use case passes `ctx.env`, as `ctx.git` does (never `process.env` behind its back). */
  env: NodeJS.ProcessEnv;
  /** Exit codes that are answers rather than failures. */
  okCodes?: readonly number[];
}

/** Runs git, calls `onLine` for every stdout line (without its `\n`), resolves with the exit status. */
export async function streamGitLines(args: readonly string[], options: GitStreamOptions, onLine: (line: string) => void): Promise<number> {
  const child = childProcess().spawn('git', args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 4096) stderr += chunk;
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      const missing = error.code === 'ENOENT';
      reject(new EnvguardError(missing ? 'GIT_MISSING' : 'GIT_FAILED', missing ? 'git is not installed or not on PATH' : `could not run git ${args[0] ?? ''}`, { cause: error }));
    });
    child.on('close', (code) => resolve(code ?? 128));
  });
  const reader = createInterface({ input: child.stdout, crlfDelay: Infinity });
  try {
    for await (const line of reader) onLine(line);
  } catch (error) {
    child.kill();
    throw error;
  }
  const status = await exited;
  if (status !== 0 && !(options.okCodes ?? []).includes(status)) {
    throw new EnvguardError('GIT_FAILED', `git ${args[0] ?? ''} failed: ${stderr.trim().split('\n')[0] ?? ''}`, { cause: stderr });
  }
  return status;
}
