#!/usr/bin/env node
// The staged scan's known-value search with a huge .env: `envguard scan --staged` (what the
// pre-commit hook runs after encrypting) in a repo whose git-ignored .env holds N random values,
// with a ~2 MB staged file that leaks three of them (raw, base64, hex). Runs N = 10,000 and
// 100,000 and prints wall time and peak RSS of each, against `node -e 0` measured in the same run,
// and the same scan with --no-known-values (the rule tiers alone), and how time and memory grow from 10k to 100k (10x the values: near-linear means near 10x,
// not 100x). CPU time is printed beside wall time: on a shared machine it is the steadier figure.
// NODE_EXTRA_CA_CERTS is unset for every process measured here, baseline included (lib/clean-env.mjs):
// loading extra certificates costs start-up time that has nothing to do with envguard.
// Issue 16 item 17: before the one linear automaton, 5,000 variables took ~25 s and 3.3 GB.
//
//   npm run build && node bench/known-values.mjs [--reps N] [--cli path/to/cli.cjs]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv } from './lib/clean-env.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const flag = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const cli = path.resolve(flag('--cli', path.join(root, 'dist', 'cli.cjs')));
const reps = Number(flag('--reps', 3));
const work = mkdtempSync(path.join(os.tmpdir(), 'envguard-bench-known-'));

const env = isolatedEnv(work);

// Each measured process writes its own peak RSS (kB) on exit: no external `time` needed.
const rssHook = path.join(work, 'rss.cjs');
writeFileSync(rssHook, "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.BENCH_RSS_OUT, `${u.maxRSS} ${(u.userCPUTime + u.systemCPUTime) / 1000}`); });\n");

let seed = 2026;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8;
const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const word = (length) => Array.from({ length }, () => alnum[random() % alnum.length]).join('');

function git(cwd, ...args) {
  const result = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** A repo with N random values in .env and a staged ~2 MB file leaking three of them. */
function project(n) {
  const dir = path.join(work, `repo-${n}`);
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  git(dir, 'init', '-q');
  const values = Array.from({ length: n }, (_, i) => ({ name: i % 3 === 0 ? `SERVICE_${i}_TOKEN` : `SETTING_${i}`, value: word(24 + (random() % 17)) }));
  writeFileSync(path.join(dir, '.gitignore'), '.env\n');
  writeFileSync(path.join(dir, '.env'), values.map(({ name, value }) => `${name}=${value}\n`).join(''));
  const lines = [];
  for (let bytes = 0; bytes < 2_000_000; ) {
    const line = `export const ${word(8)} = compute("${word(20)}", ${random() % 1000}); // ${word(30)}`;
    lines.push(line);
    bytes += line.length + 1;
  }
  const leak = (i) => values[Math.floor((i * n) / 4)].value;
  lines.splice(100, 0, `const a = "${leak(1)}";`);
  lines.splice(5000, 0, `const b = "${Buffer.from(leak(2)).toString('base64')}";`);
  lines.splice(20000, 0, `const c = "${Buffer.from(leak(3)).toString('hex')}";`);
  writeFileSync(path.join(dir, 'src', 'generated.js'), `${lines.join('\n')}\n`);
  git(dir, 'add', '.gitignore', 'src/generated.js');
  const valueBytes = values.reduce((sum, { value }) => sum + value.length, 0);
  return { dir, stagedBytes: lines.join('\n').length + 1, valueBytes };
}

function measure(args, cwd, expectStatus) {
  const out = path.join(work, 'rss.txt');
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', rssHook, ...args], { cwd, env: { ...env, BENCH_RSS_OUT: out }, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (![expectStatus].flat().includes(result.status)) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 400)}`);
  const [rss, cpu] = readFileSync(out, 'utf8').split(' ').map(Number);
  return { ms, rssMB: rss / 1024, cpuMs: cpu, stdout: result.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const rows = [];
  for (const n of [10_000, 100_000]) {
    const { dir, stagedBytes, valueBytes } = project(n);
    const runs = [];
    const baseline = [];
    const withoutValues = [];
    for (let i = 0; i < reps; i++) {
      baseline.push(measure(['-e', '0'], dir, 0));
      withoutValues.push(measure([cli, 'scan', '--staged', '--no-known-values', '--format', 'json'], dir, [0, 1]));
      const run = measure([cli, 'scan', '--staged', '--format', 'json'], dir, 1);
      const found = JSON.parse(run.stdout).findings.filter((f) => f.ruleId === 'known-value').length;
      if (found !== 3) throw new Error(`expected the 3 planted leaks, found ${found}`);
      runs.push(run);
    }
    const row = { n, stagedMB: stagedBytes / 1e6, valueMB: valueBytes / 1e6, ms: median(runs.map((r) => r.ms)), rssMB: Math.max(...runs.map((r) => r.rssMB)), baseMs: median(baseline.map((r) => r.ms)), baseRssMB: Math.max(...baseline.map((r) => r.rssMB)), plainMs: median(withoutValues.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), baseCpuMs: median(baseline.map((r) => r.cpuMs)), plainCpuMs: median(withoutValues.map((r) => r.cpuMs)), plainRssMB: Math.max(...withoutValues.map((r) => r.rssMB)) };
    rows.push(row);
    console.log(
      `${String(n).padStart(7)} variables (${row.valueMB.toFixed(1)} MB of values), ${row.stagedMB.toFixed(1)} MB staged: ` +
        `scan --staged ${row.ms.toFixed(0)} ms (CPU ${row.cpuMs.toFixed(0)} ms), peak RSS ${row.rssMB.toFixed(0)} MB | node -e 0: ${row.baseMs.toFixed(0)} ms (CPU ${row.baseCpuMs.toFixed(0)}), ${row.baseRssMB.toFixed(0)} MB | ` +
        `without known values ${row.plainMs.toFixed(0)} ms (CPU ${row.plainCpuMs.toFixed(0)}), ${row.plainRssMB.toFixed(0)} MB | ${(row.ms / row.baseMs).toFixed(1)}x the time of node -e 0`,
    );
  }
  const [small, large] = rows;
  console.log(`10x the values: ${((large.cpuMs - large.baseCpuMs) / (small.cpuMs - small.baseCpuMs)).toFixed(1)}x the CPU time over node -e 0, ${((large.rssMB - large.baseRssMB) / (small.rssMB - small.baseRssMB)).toFixed(1)}x the memory over node -e 0 (near-linear: about 10x or less)`);
  console.log('(NODE_EXTRA_CA_CERTS unset for every process measured, baseline included)');
} finally {
  rmSync(work, { recursive: true, force: true });
}
