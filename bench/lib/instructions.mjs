// Instruction counts under valgrind's callgrind, the command and every child it spawns (git):
// unlike wall time they do not change with the load on a shared machine, so a ratio of two
// counts is the same from run to run (within ~1%). Slow (about 50x), so one run per case.
import { spawnSync } from 'node:child_process';

/** True when valgrind is installed. */
export function haveValgrind() {
  return spawnSync('valgrind', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Millions of instructions (Ir) that `cmd args` and its children executed; throws on a non-zero exit. */
export function countInstructions(cmd, args, options) {
  const result = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', '--trace-children=yes', cmd, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30, ...options });
  if (result.status !== 0) throw new Error(`valgrind ${cmd} ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-500)}`);
  let total = 0;
  for (const match of result.stderr.matchAll(/Collected : (\d+)/g)) total += Number(match[1]);
  return total / 1e6;
}
