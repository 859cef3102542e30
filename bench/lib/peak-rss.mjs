// Wall time and peak RSS of one command through GNU time (`/usr/bin/time`, package `time`):
// its %M is the largest resident set of the command or any child it waited for.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const TIME = '/usr/bin/time';

/** True when GNU time is installed (apt-get install time). */
export const haveGnuTime = () => existsSync(TIME);

/** { ms, rssMB, cpuMs } of `cmd args` (cpuMs: user + system, 10 ms resolution); throws on a non-zero exit. */
export function timeWithRss(cmd, args, options = {}) {
  const report = path.join(os.tmpdir(), `envguard-bench-rss-${process.pid}-${Date.now()}.txt`);
  const start = process.hrtime.bigint();
  const result = spawnSync(TIME, ['-f', '%M %U %S', '-o', report, cmd, ...args], { stdio: ['ignore', options.stdout ?? 'ignore', 'pipe'], maxBuffer: 1 << 30, ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && !(options.okCodes ?? []).includes(result.status)) throw new Error(`${cmd} ${args.join(' ')} exited ${result.status}: ${String(result.stderr).slice(-500)}`);
  const [rss, user, system] = readFileSync(report, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  rmSync(report, { force: true });
  return { ms, rssMB: rss / 1024, cpuMs: (user + system) * 1000 };
}

/**
 * Marginal cost per unit between successive sizes, and a verdict: superlinear when the cost of one
 * more unit at the largest step is more than twice that of the step before (start-up cancels out).
 */
export function linearity(rows) {
  const steps = [];
  for (let i = 1; i < rows.length; i++) steps.push((rows[i].ms - rows[i - 1].ms) / (rows[i].size - rows[i - 1].size));
  const last = steps.at(-1);
  const before = steps.at(-2);
  const superlinear = steps.length >= 2 && before > 0 && last > 2 * before;
  return { steps, superlinear };
}

/** Prints a size table with time, peak RSS and the linearity verdict. */
export function printRows(title, unit, rows) {
  console.log(title);
  for (const row of rows) console.log(`  ${String(row.label ?? row.size).padStart(10)} ${unit.padEnd(10)} ${row.ms.toFixed(0).padStart(8)} ms  CPU ${row.cpuMs.toFixed(0).padStart(7)} ms  peak RSS ${row.rssMB.toFixed(0).padStart(5)} MB${row.note ? `  ${row.note}` : ''}`);
  const { steps, superlinear } = linearity(rows);
  console.log(`  marginal cost per ${unit}: ${steps.map((s) => `${s.toFixed(3)} ms`).join(' -> ')}  ${superlinear ? 'SUPERLINEAR at the largest step' : 'linear (or better)'}`);
  // CPU time is the steadier figure on a shared machine: wall time also counts waiting for a core.
  const cpu = linearity(rows.map((row) => ({ ...row, ms: row.cpuMs })));
  console.log(`  marginal CPU per ${unit}: ${cpu.steps.map((s) => `${s.toFixed(3)} ms`).join(' -> ')}  ${cpu.superlinear ? 'SUPERLINEAR at the largest step' : 'linear (or better)'}`);
}
