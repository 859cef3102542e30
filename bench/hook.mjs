#!/usr/bin/env node
// Times `envguard hook pre-commit` the way the installed hooks run it (`node dist/cli.cjs hook
// pre-commit` at the top of the repo) on a commit of 20 staged files with a 50-variable .env
// (one variable changed), against `node -e 0` measured in the same run, interleaved, and against
// the same staged change in a repo of 10,000 files. Prints medians and the two ratios.
// Targets (issue 3): hook <= 1.6x `node -e 0`; large-repo hook <= 1.15x small-repo hook.
//
//   npm run build && node bench/hook.mjs [--reps N] [--cli path/to/cli.js]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cliFlag = process.argv.indexOf('--cli');
const cli = cliFlag > 0 ? path.resolve(process.argv[cliFlag + 1]) : path.join(root, 'dist', 'cli.cjs');
// --baseline PATH: another build's CLI (e.g. the previous commit's dist/cli.cjs), timed in the same rounds.
const baselineFlag = process.argv.indexOf('--baseline');
const baseline = baselineFlag > 0 ? path.resolve(process.argv[baselineFlag + 1]) : undefined;
const repsFlag = process.argv.indexOf('--reps');
const reps = repsFlag > 0 ? Number(process.argv[repsFlag + 1]) : 40;
const work = mkdtempSync(path.join(os.tmpdir(), 'envguard-bench-hook-'));

// Isolated from the machine's git config and key store, like the tests.
const home = path.join(work, 'home');
mkdirSync(home);
writeFileSync(path.join(home, '.gitconfig'), '[user]\n\tname = Bench\n\temail = bench@example.com\n[init]\n\tdefaultBranch = main\n');
const env = { ...process.env, HOME: home, GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'), GIT_CONFIG_NOSYSTEM: '1', ENVGUARD_HOME: path.join(home, 'envguard'), NO_COLOR: '1' };
for (const name of Object.keys(env)) if (name.startsWith('GIT_') && !['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM'].includes(name)) delete env[name];
delete env.ENVGUARD_KEY;
// Unset for every measured process, `node -e 0` included: an extra CA bundle slows each start-up.
delete env.NODE_EXTRA_CA_CERTS;
delete env.SECRETS_MASTER_KEY;

function run(cmd, args, cwd) {
  const result = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

function envText(changed) {
  let text = '';
  for (let i = 0; i < 50; i++) text += `VAR_${i}=value-${i}-${i === 7 && changed ? 'changed' : 'original'}-${'x'.repeat(20)}\n`;
  return text;
}

/** A repo with `files` committed files, envguard set up, then 20 staged edits and one .env change. */
function makeRepo(name, files) {
  const dir = path.join(work, name);
  mkdirSync(dir);
  run('git', ['init', '-q'], dir);
  for (let i = 0; i < files; i++) {
    const sub = path.join(dir, 'src', `d${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `f${i}.txt`), `file ${i}\n`);
  }
  writeFileSync(path.join(dir, '.env'), envText(false));
  run('node', [cli, 'init', '--no-husky'], dir);
  run('git', ['add', '-A'], dir);
  run('git', ['commit', '-q', '--no-verify', '-m', 'initial'], dir);
  for (let i = 0; i < 20; i++) writeFileSync(path.join(dir, 'src', 'd0', `f${i}.txt`), `file ${i}, edited\n`);
  run('git', ['add', 'src/d0'], dir);
  writeFileSync(path.join(dir, '.env'), envText(true));
  // What the hook changes (index, encrypted file, sync state) is put back before every run.
  const gitDir = path.join(dir, '.git');
  const snapshot = ['index', 'envguard/state/.env.json'].map((f) => [path.join(gitDir, f), readFileSync(path.join(gitDir, f))]);
  snapshot.push([path.join(dir, '.env.encrypted'), readFileSync(path.join(dir, '.env.encrypted'))]);
  return { dir, restore: () => snapshot.forEach(([file, bytes]) => writeFileSync(file, bytes)) };
}

function time(cmd, args, cwd) {
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

try {
  const small = makeRepo('small', 20);
  const large = makeRepo('large', 10_000);
  // Sanity: the hook really encrypts and stages on each run.
  small.restore();
  time('node', [cli, 'hook', 'pre-commit'], small.dir);
  if (!run('git', ['diff', '--cached', '--name-only'], small.dir).includes('.env.encrypted')) throw new Error('the hook did not stage .env.encrypted');

  const samples = { node: [], small: [], large: [], baseline: [] };
  for (let i = 0; i < reps + 3; i++) {
    small.restore();
    large.restore();
    const round = {
      node: time('node', ['-e', '0'], work),
      small: time('node', [cli, 'hook', 'pre-commit'], small.dir),
      large: time('node', [cli, 'hook', 'pre-commit'], large.dir),
    };
    if (baseline) {
      small.restore();
      round.baseline = time('node', [baseline, 'hook', 'pre-commit'], small.dir);
    }
    if (i < 3) continue; // warm-up
    for (const key of Object.keys(round)) samples[key].push(round[key]);
  }
  const m = { node: median(samples.node), small: median(samples.small), large: median(samples.large) };
  const fmt = (n) => n.toFixed(1).padStart(7);
  console.log(`envguard hook pre-commit, 20 staged files, 50-variable .env with one change (${reps} interleaved runs, medians)`);
  console.log(`  node -e 0                    ${fmt(m.node)} ms`);
  console.log(`  hook, repo of 20 files       ${fmt(m.small)} ms   ${(m.small / m.node).toFixed(2)}x node -e 0   (target <= 1.60x)`);
  console.log(`  hook, repo of 10,000 files   ${fmt(m.large)} ms   ${(m.large / m.small).toFixed(2)}x the small repo (target <= 1.15x)`);
  if (baseline) {
    const b = median(samples.baseline);
    console.log(`  baseline hook (${path.relative(process.cwd(), baseline)}), repo of 20 files ${fmt(b)} ms; this build is ${(m.small / b).toFixed(2)}x the baseline`);
  }
  console.log('  (NODE_EXTRA_CA_CERTS unset for every measured process)');
} finally {
  rmSync(work, { recursive: true, force: true });
}
