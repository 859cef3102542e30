#!/usr/bin/env node
// Per-person access costs (issue 10), each against `node -e 0` measured in the same run:
//  1. `envguard hook pre-commit` on a commit that changes no access file (20 staged files, a
//     50-variable .env with one change), in a project with access files against the same project
//     without them: the ratio should be 1.00 (the hook never opens an access file or loads age code
//     unless it needs a key it does not have).
//  2. `envguard access revoke` of 1 member of 20 on 10 encrypted files x 100 variables (a full
//     rotation plus 19 re-wraps), against `envguard rotate` of the same project with no access files.
// NODE_EXTRA_CA_CERTS is unset for every process measured (it makes Node read a CA file at start).
//
//   npm run build && node bench/access.mjs [--reps N]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.cjs');
const repsFlag = process.argv.indexOf('--reps');
const reps = repsFlag > 0 ? Number(process.argv[repsFlag + 1]) : 30;
const work = mkdtempSync(path.join(os.tmpdir(), 'envguard-bench-access-'));

const baseEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1' };
for (const name of Object.keys(baseEnv)) if (name.startsWith('GIT_') && name !== 'GIT_CONFIG_NOSYSTEM') delete baseEnv[name];
for (const name of ['ENVGUARD_KEY', 'SECRETS_MASTER_KEY', 'ENVGUARD_IDENTITY', 'ENVGUARD_IDENTITY_FILE', 'NODE_EXTRA_CA_CERTS']) delete baseEnv[name];

/** A machine: its own HOME, git identity and key store under `dir`. */
function machine(dir, name) {
  const home = path.join(dir, 'home', name);
  mkdirSync(home, { recursive: true });
  writeFileSync(path.join(home, '.gitconfig'), `[user]\n\tname = ${name}\n\temail = ${name}@example.com\n[init]\n\tdefaultBranch = main\n`);
  return { ...baseEnv, HOME: home, GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'), ENVGUARD_HOME: path.join(home, 'envguard') };
}

function run(cmd, args, cwd, env) {
  const result = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

function time(cmd, args, cwd, env) {
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
const fmt = (n) => n.toFixed(1).padStart(8);

function envText(variables, changed = false, tag = '') {
  let text = '';
  for (let i = 0; i < variables; i++) text += `VAR_${i}=value-${tag}${i}-${i === 7 && changed ? 'changed' : 'original'}-${'x'.repeat(20)}\n`;
  return text;
}

/** The hook.mjs commit: 20 staged files and one changed .env variable; `access` keeps or removes the access files. */
function hookRepo(name, access) {
  const dir = path.join(work, name);
  mkdirSync(dir);
  const env = machine(work, `${name}-user`);
  run('git', ['init', '-q'], dir, env);
  mkdirSync(path.join(dir, 'src'));
  for (let i = 0; i < 20; i++) writeFileSync(path.join(dir, 'src', `f${i}.txt`), `file ${i}\n`);
  writeFileSync(path.join(dir, '.env'), envText(50));
  run('node', [cli, 'init', '--no-hooks'], dir, env);
  if (!access) rmSync(path.join(dir, '.envguard'), { recursive: true });
  run('git', ['add', '-A'], dir, env);
  run('git', ['commit', '-q', '--no-verify', '-m', 'initial'], dir, env);
  for (let i = 0; i < 20; i++) writeFileSync(path.join(dir, 'src', `f${i}.txt`), `file ${i}, edited\n`);
  run('git', ['add', 'src'], dir, env);
  writeFileSync(path.join(dir, '.env'), envText(50, true));
  const gitDir = path.join(dir, '.git');
  const snapshot = ['index', 'envguard/state/.env.json'].map((f) => [path.join(gitDir, f), readFileSync(path.join(gitDir, f))]);
  snapshot.push([path.join(dir, '.env.encrypted'), readFileSync(path.join(dir, '.env.encrypted'))]);
  return { dir, env, restore: () => snapshot.forEach(([file, bytes]) => writeFileSync(file, bytes)) };
}

/** 10 encrypted files x 100 variables of one environment; with `members`, that many members. */
function revokeTemplate(name, members) {
  const base = path.join(work, name);
  const dir = path.join(base, 'repo');
  mkdirSync(dir, { recursive: true });
  const env = machine(base, 'alice');
  run('git', ['init', '-q'], dir, env);
  writeFileSync(path.join(dir, '.env'), envText(100, false, 'top'));
  run('node', [cli, 'init', '--no-hooks'], dir, env);
  for (let i = 1; i < 10; i++) {
    const sub = path.join(dir, 'services', `s${i}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, '.env'), envText(100, false, `s${i}`));
    run('node', [cli, 'encrypt', '--env-path', path.join('services', `s${i}`, '.env')], dir, env);
  }
  if (members === 0) rmSync(path.join(dir, '.envguard'), { recursive: true });
  for (let i = 1; i < members; i++) {
    const recipient = run('node', [cli, 'access', 'id'], dir, machine(base, `member${i}`)).trim();
    run('node', [cli, 'access', 'grant', recipient, '--name', `Member ${i}`], dir, env);
  }
  run('git', ['add', '-A'], dir, env);
  run('git', ['commit', '-q', '--no-verify', '-m', 'initial'], dir, env);
  return base;
}

try {
  // 1. The pre-commit hook with and without access files.
  const withAccess = hookRepo('with-access', true);
  const without = hookRepo('without-access', false);
  const hook = { node: [], with: [], without: [] };
  for (let i = 0; i < reps + 3; i++) {
    withAccess.restore();
    without.restore();
    const round = {
      node: time('node', ['-e', '0'], work, baseEnv),
      with: time('node', [cli, 'hook', 'pre-commit'], withAccess.dir, withAccess.env),
      without: time('node', [cli, 'hook', 'pre-commit'], without.dir, without.env),
    };
    if (i < 3) continue;
    for (const key of Object.keys(hook)) hook[key].push(round[key]);
  }
  const h = { node: median(hook.node), with: median(hook.with), without: median(hook.without) };
  console.log(`envguard hook pre-commit, no access file changed (20 staged files, 50-variable .env, one change; ${reps} interleaved runs, medians; NODE_EXTRA_CA_CERTS unset)`);
  console.log(`  node -e 0                            ${fmt(h.node)} ms`);
  console.log(`  hook, project without access files   ${fmt(h.without)} ms   ${(h.without / h.node).toFixed(2)}x node -e 0`);
  console.log(`  hook, project with access files      ${fmt(h.with)} ms   ${(h.with / h.node).toFixed(2)}x node -e 0, ${(h.with / h.without).toFixed(2)}x without access files (target 1.00x)`);

  // 2. Revoking 1 of 20 members, 10 files x 100 variables, against a plain rotation.
  const revokeReps = Math.max(3, Math.min(7, Math.round(reps / 5)));
  const members = revokeTemplate('members', 20);
  const plain = revokeTemplate('plain', 0);
  const revoke = { node: [], revoke: [], rotate: [] };
  for (let i = 0; i < revokeReps; i++) {
    const copyA = path.join(work, `revoke-${i}`);
    const copyB = path.join(work, `rotate-${i}`);
    cpSync(members, copyA, { recursive: true });
    cpSync(plain, copyB, { recursive: true });
    revoke.node.push(time('node', ['-e', '0'], work, baseEnv));
    revoke.revoke.push(time('node', [cli, 'access', 'revoke', 'member-7', '--reason', 'bench'], path.join(copyA, 'repo'), machine(copyA, 'alice')));
    revoke.rotate.push(time('node', [cli, 'rotate', '--force', '--reason', 'bench'], path.join(copyB, 'repo'), machine(copyB, 'alice')));
    rmSync(copyA, { recursive: true, force: true });
    rmSync(copyB, { recursive: true, force: true });
  }
  const r = { node: median(revoke.node), revoke: median(revoke.revoke), rotate: median(revoke.rotate) };
  console.log(`\nenvguard access revoke, 1 of 20 members, 10 files x 100 variables (${revokeReps} runs, medians)`);
  console.log(`  node -e 0                            ${fmt(r.node)} ms`);
  console.log(`  rotate, no access files              ${fmt(r.rotate)} ms   ${(r.rotate / r.node).toFixed(2)}x node -e 0`);
  console.log(`  revoke (rotate + 19 re-wraps)        ${fmt(r.revoke)} ms   ${(r.revoke / r.node).toFixed(2)}x node -e 0, ${(r.revoke / r.rotate).toFixed(2)}x the plain rotation`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
