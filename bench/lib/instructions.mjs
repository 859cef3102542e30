// Instruction counts under valgrind's callgrind, the command and every child it spawns (git):
// unlike wall time they do not change with the load on a shared machine. Each process writes its
// own profile (`--callgrind-out-file=…%p`, summed here): the "Collected" lines of the children go
// to their stderr, which the command itself captures, so reading valgrind's own output counted
// the command alone. What remains from run to run (about ±5%) is V8's: its background compiler
// and GC threads, and its random hash seed (the start-up's primality test for it varies).
// Slow (about 50x), so one run per case.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** True when valgrind is installed. */
export function haveValgrind() {
  return spawnSync('valgrind', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** The split of the last count: the command's own process, its children (git and git's hooks), and how many children ran. */
export const lastCount = { own: 0, children: 0, processes: 0 };

/** Millions of instructions (Ir) that `cmd args` and its children executed; throws on a non-zero exit. */
export function countInstructions(cmd, args, options) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'envguard-callgrind-'));
  try {
    const result = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${path.join(dir, 'cg.%p')}`, '--dump-instr=no', '--trace-children=yes', cmd, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30, ...options });
    if (result.status !== 0) throw new Error(`valgrind ${cmd} ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-500)}`);
    // The command is the first process valgrind started: the lowest pid (no wrap-around in a run this short).
    const counts = readdirSync(dir)
      .map((file) => ({ pid: Number(file.slice(3)), ir: Number(/^summary: (\d+)/m.exec(readFileSync(path.join(dir, file), 'utf8'))?.[1] ?? 0) }))
      .sort((a, b) => a.pid - b.pid);
    lastCount.own = (counts[0]?.ir ?? 0) / 1e6;
    lastCount.children = counts.slice(1).reduce((sum, count) => sum + count.ir, 0) / 1e6;
    lastCount.processes = counts.length - 1;
    return lastCount.own + lastCount.children;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
