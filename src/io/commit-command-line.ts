import { childProcess } from './child-process.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The arguments of the `git commit` this hook runs under, found by walking up the process tree
 * (git → the hook's shell → envguard; husky adds a shell or two). git does not tell a hook how
 * it was invoked, and some messages depend on it (`--allow-empty`). Undefined when no ancestor
 * is a `git commit` or the tree cannot be read; callers then behave as for a plain commit.
 */
export function commitCommandLine(startPid: number = process.ppid): string[] | undefined {
  let pid = startPid;
  for (let depth = 0; depth < 8 && pid > 1; depth += 1) {
    const info = processInfo(pid);
    if (!info) return undefined;
    const [program, ...args] = info.argv;
    if (program !== undefined && /^git(\.exe)?$/.test(path.basename(program)) && args.includes('commit')) return args.slice(args.indexOf('commit') + 1);
    pid = info.ppid;
  }
  return undefined;
}

/** True when the commit was asked for with `--allow-empty`. */
export function commitAllowsEmpty(startPid?: number): boolean {
  return commitCommandLine(startPid)?.includes('--allow-empty') ?? false;
}

function processInfo(pid: number): { argv: string[]; ppid: number } | undefined {
  try {
    // Linux: argv NUL-separated; the parent pid is the field after the parenthesised command name.
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? { argv, ppid } : undefined;
  } catch {
    return psInfo(pid);
  }
}

/** Elsewhere (macOS, the BSDs): `ps`, which splits argv on spaces, good enough to spot a flag. */
function psInfo(pid: number): { argv: string[]; ppid: number } | undefined {
  const result = childProcess().spawnSync('ps', ['-o', 'ppid=', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
  const match = result.status === 0 ? /^\s*(\d+)\s+(.*)$/.exec(result.stdout.trim()) : null;
  if (!match) return undefined;
  return { ppid: Number(match[1]), argv: (match[2] ?? '').split(/\s+/) };
}
