#!/usr/bin/env node
// envguard side by side with @dotenvx/dotenvx (the installed devDependency) on the same .env of
// 50 and 4,000 variables, interleaved in the same run, medians, with `node -e 0` as the common
// baseline; NODE_EXTRA_CA_CERTS unset for every command (lib/clean-env.mjs). Pairs:
//   encrypt: a plaintext .env, every value new      dotenvx encrypt -f .env   | envguard encrypt (no .env.encrypted yet)
//   decrypt: the encrypted file to a missing .env   dotenvx decrypt -f .env   | envguard decrypt
//   run:     dotenvx run -f .env -- node -e 0                                 | envguard run -- node -e 0
//   pre-commit, 20 staged files, one variable changed:
//            dotenvx ext precommit (checks .env* are ignored or encrypted; it encrypts nothing and
//            scans nothing)                                                   | envguard hook pre-commit
//            (encrypts the change, stages it, scans the staged lines)
// They do not do the same work: the table says where envguard is not ahead, README says why.
//
//   npm run build && node bench/dotenvx.mjs [--reps N] [--reps-large N] [--sizes 50,4000]
// (4,000 variables: about 15 minutes for one round on a loaded 2-core machine, nearly all of it dotenvx)
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isolatedEnv } from './lib/clean-env.mjs';
import { envText, makeHookRepo, must } from './lib/hook-repo.mjs';
import { timeWithRss } from './lib/peak-rss.mjs';
import { median } from './lib/timing.mjs';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist', 'cli.cjs');
const dotenvx = path.join(root, 'node_modules', '@dotenvx', 'dotenvx', 'src', 'cli', 'dotenvx.js');
const flag = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const reps = Number(flag('--reps', 7));
const largeReps = Number(flag('--reps-large', 1));
const sizes = flag('--sizes', '50,4000').split(',').map(Number);
const work = mkdtempSync(path.join(os.tmpdir(), 'envguard-bench-dotenvx-'));

/** A dotenvx project: .env encrypted by dotenvx and committed, .env.keys ignored, 20 files staged. */
function makeDotenvxRepo(dir, variables, env) {
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  must('git', ['init', '-q'], dir, env);
  writeFileSync(path.join(dir, '.gitignore'), '.env.keys\n');
  for (let i = 0; i < 20; i++) writeFileSync(path.join(dir, 'src', `f${i}.txt`), `file ${i}\n`);
  writeFileSync(path.join(dir, '.env'), envText(variables, false));
  writeFileSync(path.join(dir, 'plain.env'), envText(variables, false));
  must('node', [dotenvx, 'encrypt', '-f', '.env'], dir, env);
  copyFileSync(path.join(dir, '.env'), path.join(dir, 'encrypted.env'));
  must('git', ['add', '.gitignore', '.env', 'src'], dir, env);
  must('git', ['commit', '-q', '-m', 'initial'], dir, env);
  for (let i = 0; i < 20; i++) writeFileSync(path.join(dir, 'src', `f${i}.txt`), `file ${i}, edited\n`);
  must('git', ['add', 'src'], dir, env);
  return dir;
}

try {
  const env = isolatedEnv(work);
  // Wall and CPU time (user + system, GNU time) of the same run: on a loaded machine wall time
  // also counts waiting, and dotenvx was seen idling seconds in its event loop here.
  const t = (cmd, args, cwd) => timeWithRss(cmd, args, { cwd, env });
  for (const variables of sizes) {
    const dx = makeDotenvxRepo(path.join(work, `dotenvx-${variables}`), variables, env);
    const eg = makeHookRepo({ dir: path.join(work, `envguard-${variables}`), cli, env, variables });
    const egEnv = path.join(eg.dir, '.env');
    const egEncrypted = path.join(eg.dir, '.env.encrypted');
    copyFileSync(egEncrypted, path.join(work, `saved-${variables}.encrypted`));
    const cases = {
      'node -e 0': () => t('node', ['-e', '0'], work),
      'dotenvx encrypt': () => (copyFileSync(path.join(dx, 'plain.env'), path.join(dx, '.env')), t('node', [dotenvx, 'encrypt', '-f', '.env'], dx)),
      'envguard encrypt': () => {
        writeFileSync(egEnv, envText(variables, false));
        rmSync(egEncrypted, { force: true });
        return t('node', [cli, 'encrypt'], eg.dir);
      },
      'dotenvx decrypt': () => (copyFileSync(path.join(dx, 'encrypted.env'), path.join(dx, '.env')), t('node', [dotenvx, 'decrypt', '-f', '.env'], dx)),
      'envguard decrypt': () => {
        copyFileSync(path.join(work, `saved-${variables}.encrypted`), egEncrypted);
        rmSync(egEnv, { force: true });
        return t('node', [cli, 'decrypt'], eg.dir);
      },
      'dotenvx run -- node -e 0': () => (copyFileSync(path.join(dx, 'encrypted.env'), path.join(dx, '.env')), t('node', [dotenvx, 'run', '-f', '.env', '--', 'node', '-e', '0'], dx)),
      'envguard run -- node -e 0': () => t('node', [cli, 'run', '--', 'node', '-e', '0'], eg.dir),
      'dotenvx ext precommit': () => t('node', [dotenvx, 'ext', 'precommit'], dx),
      'envguard hook pre-commit': () => {
        eg.restore();
        return t('node', [cli, 'hook', 'pre-commit'], eg.dir);
      },
    };
    // dotenvx takes minutes per command on 4,000 variables (an ECIES encryption per value in
    // JavaScript): there one round without warm-up, each figure printed as it arrives.
    const large = variables > 1000;
    const rounds = large ? largeReps : reps;
    const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
    for (let round = 0; round < rounds + (large ? 0 : 1); round++) {
      for (const [name, run] of Object.entries(cases)) {
        const result = run();
        if (large || round > 0) samples[name].push(result);
        if (large) console.error(`  (${variables} variables, round ${round + 1}: ${name} ${result.ms.toFixed(0)} ms, CPU ${result.cpuMs.toFixed(0)} ms)`);
      }
    }
    const med = (name, field) => median(samples[name].map((result) => result[field]));
    const base = med('node -e 0', 'ms');
    console.log(`\n${variables} variables (${rounds} interleaved round(s)${large ? ', no warm-up' : ' after one warm-up'}, medians; node -e 0 = ${base.toFixed(1)} ms)`);
    const row = (label, a, b) => {
      const [wa, wb, ca, cb] = [med(a, 'ms'), med(b, 'ms'), med(a, 'cpuMs'), med(b, 'cpuMs')];
      console.log(`  ${label.padEnd(18)} dotenvx ${wa.toFixed(0).padStart(7)} ms (${(wa / base).toFixed(2)}x)   envguard ${wb.toFixed(0).padStart(6)} ms (${(wb / base).toFixed(2)}x)   envguard/dotenvx ${(wb / wa).toFixed(3)}${wb > wa ? '  <- envguard NOT ahead' : ''}   CPU ${ca.toFixed(0)} vs ${cb.toFixed(0)} ms (${(cb / ca).toFixed(3)})`);
    };
    for (const op of ['encrypt', 'decrypt', 'run -- node -e 0']) row(op, `dotenvx ${op}`, `envguard ${op}`);
    row('pre-commit', 'dotenvx ext precommit', 'envguard hook pre-commit');
    console.log(`  (CPU: user + system, 10 ms resolution; node -e 0 ${med('node -e 0', 'cpuMs').toFixed(0)} ms)`);
    if (!existsSync(egEncrypted)) throw new Error('envguard left no .env.encrypted');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
