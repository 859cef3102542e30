// Timing helpers shared by the benches: interleaved runs (each round runs every case once, so a
// slow moment on the shared machine hits all of them alike), medians and ratios.
import { spawnSync } from 'node:child_process';

/** Median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Wall time in ms of one synchronous command; throws when it exits non-zero. */
export function timeCommand(cmd, args, options) {
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30, ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 500)}`);
  return ms;
}

/**
 * Runs `cases` ({ name: () => ms }) interleaved for `reps` rounds after `warmup` rounds; `before`
 * runs before each case (e.g. restoring a repo). Returns { name: { median, min, max, samples } }.
 */
export function interleaved(cases, { reps = 20, warmup = 2, before = () => {} } = {}) {
  const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let round = 0; round < reps + warmup; round++) {
    for (const [name, fn] of Object.entries(cases)) {
      before(name);
      const ms = fn();
      if (round >= warmup) samples[name].push(ms);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, { median: median(list), min: Math.min(...list), max: Math.max(...list), samples: list }]));
}

/** "  label   12.3 ms  1.52x base  (min 11.0, max 20.1)" */
export function line(label, stats, base, baseName = 'node -e 0') {
  const ratio = base ? `  ${(stats.median / base.median).toFixed(2)}x ${baseName}` : '';
  return `  ${label.padEnd(44)} ${stats.median.toFixed(1).padStart(8)} ms${ratio}   (min ${stats.min.toFixed(1)}, max ${stats.max.toFixed(1)})`;
}
