#!/usr/bin/env node
// Times the hooks the way the installed shims run them (`node dist/cli.cjs hook <name>` at the top
// of the repo) against `node -e 0`, interleaved in the same run, medians; NODE_EXTRA_CA_CERTS is
// unset for both (see lib/clean-env.mjs). Scenarios (issue 14):
//   pre-commit: 20 staged files, a 50-variable .env with one variable changed (target <= 1.5x),
//     and the same change in a repo of 10,000 files (<= 1.15x the small repo: cost follows the change);
//   post-checkout of a branch switch that changes one variable (target <= 1.3x);
//   `envguard --version` (answered by the launcher alone) and `envguard --help` (the command line's
//   own start-up: its bundle, commander and the command tree);
//   and the floors: node with the built-ins each hook needs and pre-commit's git calls, no envguard
//   code (lib/pre-commit-floor.cjs), what the targets have to be read against.
// Levers: the same runs with the code cache off (ENVGUARD_CODE_CACHE=0), and with --against
// <other dist/cli.cjs> (e.g. a build of an older commit) for a before/after ratio.
//
// --instructions counts instructions under callgrind instead (one run per case, the same figures
// whatever the load on the machine; needs valgrind): the command and its git children, each
// case's split printed below the table.
//
//   npm run build && node bench/hook.mjs [--reps N] [--cli dist/cli.cjs] [--against old/dist/cli.cjs] [--instructions]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isolatedEnv } from './lib/clean-env.mjs';
import { assertHookStaged, makeHookRepo, makeSyncRepo } from './lib/hook-repo.mjs';
import { countInstructions, lastCount } from './lib/instructions.mjs';
import { interleaved, line, timeCommand } from './lib/timing.mjs';

const root = path.resolve(import.meta.dirname, '..');
const flag = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const cli = path.resolve(flag('--cli', path.join(root, 'dist', 'cli.cjs')));
// What any implementation of the hook's checks pays before its own code runs (lib/pre-commit-floor.cjs).
const floor = path.join(root, 'bench', 'lib', 'pre-commit-floor.cjs');
const against = flag('--against') && path.resolve(flag('--against'));
const reps = Number(flag('--reps', 30));
const byInstructions = process.argv.includes('--instructions');
// Each case is timed (wall ms) or counted (millions of instructions) by the same function.
let measure = timeCommand;
const work = mkdtempSync(path.join(os.tmpdir(), 'envguard-bench-hook-'));

try {
  const env = isolatedEnv(work);
  const noCache = { ...env, ENVGUARD_CODE_CACHE: '0' };
  const small = makeHookRepo({ dir: path.join(work, 'small'), cli, env, files: 20 });
  const large = makeHookRepo({ dir: path.join(work, 'large'), cli, env, files: 10_000 });
  const sync = makeSyncRepo({ dir: path.join(work, 'sync'), cli, env });
  // Sanity: the hook really encrypts and stages, and post-checkout really decrypts.
  small.restore();
  timeCommand('node', [cli, 'hook', 'pre-commit'], { cwd: small.dir, env });
  assertHookStaged(small, env);
  let branch = 'other';
  const postCheckout = (bin, e) => () => {
    branch = branch === 'main' ? 'other' : 'main';
    const args = sync.switchTo(branch);
    const ms = measure('node', [bin, 'hook', 'post-checkout', ...args], { cwd: sync.dir, env: e });
    if (readFileSync(path.join(sync.dir, '.env'), 'utf8') !== sync.expected(branch)) throw new Error('post-checkout did not decrypt .env');
    return ms;
  };
  const preCommit = (bin, repo, e) => () => {
    repo.restore();
    return measure('node', [bin, 'hook', 'pre-commit'], { cwd: repo.dir, env: e });
  };
  const cases = {
    'node -e 0': () => measure('node', ['-e', '0'], { cwd: work, env }),
    'pre-commit': preCommit(cli, small, env),
    'floor: node, crypto, child_process, git x3': () => {
      small.restore();
      return measure('node', [floor], { cwd: small.dir, env });
    },
    'pre-commit, repo of 10,000 files': preCommit(cli, large, env),
    'floor, repo of 10,000 files': () => {
      large.restore();
      return measure('node', [floor], { cwd: large.dir, env });
    },
    'pre-commit, code cache off': preCommit(cli, small, noCache),
    'post-checkout': postCheckout(cli, env),
    'floor: node and crypto': () => measure('node', ['-e', 'require("node:crypto")'], { cwd: work, env }),
    'post-checkout, code cache off': postCheckout(cli, noCache),
    'envguard --version': () => measure('node', [cli, '--version'], { cwd: work, env }),
    'envguard --help': () => measure('node', [cli, '--help'], { cwd: work, env }),
    'envguard --help, code cache off': () => measure('node', [cli, '--help'], { cwd: work, env: noCache }),
  };
  if (against) {
    cases['pre-commit, --against build'] = preCommit(against, small, env);
    cases['pre-commit, repo of 10,000 files, --against build'] = preCommit(against, large, env);
    cases['post-checkout, --against build'] = postCheckout(against, env);
    cases['envguard --help, --against build'] = () => measure('node', [against, '--help'], { cwd: work, env });
  }
  // Warm-up rounds first: a bundle's first four runs each write its code cache again
  // (src/io/code-cache.ts), so what is measured is the steady state every later run sees.
  const WARM_UP = 4;
  // Under callgrind: the timed warm-up rounds, then one counted run per case.
  // Each counted case also keeps its split: the command's own instructions and its git children's.
  const split = {};
  if (byInstructions) {
    for (let round = 0; round < WARM_UP; round++) Object.values(cases).forEach((run) => run());
    measure = countInstructions;
    for (const [name, run] of Object.entries(cases)) {
      cases[name] = () => {
        const total = run();
        split[name] = { ...lastCount };
        return total;
      };
    }
  }
  const r = interleaved(cases, byInstructions ? { reps: 1, warmup: 0 } : { reps, warmup: WARM_UP });
  const base = r['node -e 0'];
  if (byInstructions) console.log('envguard hooks, millions of instructions (callgrind, command and its git children); ratios to node -e 0');
  else console.log(`envguard hooks, ${reps} interleaved rounds (after ${WARM_UP} warm-up), medians; ratios to node -e 0 of the same run`);
  for (const [name, stats] of Object.entries(r)) console.log(line(name, stats, name === 'node -e 0' ? undefined : base).replace(/ ms /, byInstructions ? ' M  ' : ' ms '));
  if (byInstructions) {
    console.log('  split (own process + git children = total; ratio of the own process alone to node -e 0):');
    for (const [name, count] of Object.entries(split)) {
      if (name === 'node -e 0') continue;
      console.log(`    ${name.padEnd(42)} ${count.own.toFixed(1).padStart(7)} + ${count.children.toFixed(1).padStart(5)} (${count.processes} children)   own ${(count.own / base.median).toFixed(2)}x`);
    }
  }
  const ratio = (name) => r[name].median / base.median;
  console.log(`  pre-commit ${ratio('pre-commit').toFixed(2)}x (target <= 1.50x); post-checkout ${ratio('post-checkout').toFixed(2)}x (target <= 1.30x)`);
  console.log(`  floors (node, the built-ins and the git calls a hook needs, no envguard code): pre-commit ${ratio('floor: node, crypto, child_process, git x3').toFixed(2)}x, post-checkout ${ratio('floor: node and crypto').toFixed(2)}x`);
  console.log(`  10,000-file repo / 20-file repo: ${(r['pre-commit, repo of 10,000 files'].median / r['pre-commit'].median).toFixed(2)}x (target <= 1.15x); the floor's: ${(r['floor, repo of 10,000 files'].median / r['floor: node, crypto, child_process, git x3'].median).toFixed(2)}x`);
  console.log(`  code cache: pre-commit ${(r['pre-commit'].median / r['pre-commit, code cache off'].median).toFixed(2)}x, post-checkout ${(r['post-checkout'].median / r['post-checkout, code cache off'].median).toFixed(2)}x, --help ${(r['envguard --help'].median / r['envguard --help, code cache off'].median).toFixed(2)}x of the uncached run`);
  if (against) for (const name of ['pre-commit', 'pre-commit, repo of 10,000 files', 'post-checkout', 'envguard --help']) console.log(`  ${name}: ${(r[name].median / r[`${name}, --against build`].median).toFixed(2)}x the --against build`);
  if (!byInstructions) console.log(`  noise: node -e 0 ranged ${base.min.toFixed(1)}-${base.max.toFixed(1)} ms over the run`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
