#!/usr/bin/env node
// Enforcement beyond the laptop (issue 11), timed as git runs it (`node dist/cli.cjs hook …`):
//   1. pre-receive of one incoming commit on a server repository of 10,000 commits, vs `node -e 0`;
//   2. pre-receive of a new branch whose 5,000 commits the server already has (+1 new) vs a new
//      branch of 1 commit: only incoming commits are read, so the ratio should be about 1;
//   3. pre-push of a 20-commit push vs `node -e 0`;
//   4. `scan --history` of 1,000 commits, and of 10,000 (linear: about 10x).
// NODE_EXTRA_CA_CERTS is unset for every process on both sides of each ratio (lib/clean-env.mjs: it
// makes node read a certificate file at start-up, which would be timed as ours).
//
//   npm run build && node bench/enforce.mjs [--reps N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isolatedEnv } from './lib/clean-env.mjs';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist', 'cli.cjs');
const repsFlag = process.argv.indexOf('--reps');
const reps = repsFlag > 0 ? Number(process.argv[repsFlag + 1]) : 15;
const work = mkdtempSync(path.join(os.tmpdir(), 'envguard-bench-enforce-'));
const env = isolatedEnv(work, { gitConfig: '[gc]\n\tauto = 0\n' });

function run(cmd, args, cwd, input) {
  const result = spawnSync(cmd, args, { cwd, env, input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout.trim();
}

/** A repository whose main branch has `count` commits, each changing one small file (git fast-import). */
function history(dir, count, { bare = false } = {}) {
  run('git', ['init', '-q', ...(bare ? ['--bare'] : []), dir], work);
  let stream = '';
  for (let i = 1; i <= count; i++) {
    const content = `line ${i} of a file that changes\nconst value = ${i};\n`;
    stream += `commit refs/heads/main\nmark :${i}\ncommitter Bench <bench@example.com> ${1_700_000_000 + i} +0000\ndata ${`c${i}`.length}\nc${i}\n`;
    if (i > 1) stream += `from :${i - 1}\n`;
    stream += `M 644 inline src/f${i % 200}.js\ndata ${Buffer.byteLength(content)}\n${content}\n`;
  }
  run('git', ['fast-import', '--quiet'], dir, stream);
  if (!bare) run('git', ['reset', '-q', '--hard', 'main'], dir);
}

/** A new commit on top of `parent` (or a root commit), made without touching any ref. */
function newCommit(dir, parent, file) {
  const blob = run('git', ['hash-object', '-w', '--stdin'], dir, `fresh ${file}\n`);
  const tree = run('git', ['mktree'], dir, `100644 blob ${blob}\t${file}\n`);
  return run('git', ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', `new ${file}`], dir);
}

function time(cmd, args, cwd, input) {
  const started = process.hrtime.bigint();
  const result = spawnSync(cmd, args, { cwd, env, input, stdio: ['pipe', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs the cases interleaved `reps` times and returns each one's median in ms. */
function measure(cases) {
  const samples = cases.map(() => []);
  for (let rep = 0; rep < reps; rep++) cases.forEach((c, i) => samples[i].push(time(...c)));
  return samples.map(median);
}

const ZERO = '0'.repeat(40);
try {
  console.log(`building a server repository of 10,000 commits… (NODE_EXTRA_CA_CERTS unset for all runs; ${reps} interleaved runs each, medians)`);
  const server = path.join(work, 'server.git');
  history(server, 10_000, { bare: true });
  const main = run('git', ['rev-parse', 'main'], server);
  const oneOnMain = newCommit(server, main, 'one.js');
  const onOld = newCommit(server, run('git', ['rev-parse', 'main~5000'], server), 'branch.js');
  const alone = newCommit(server, undefined, 'alone.js');
  const hook = (line) => [process.execPath, [cli, 'hook', 'pre-receive'], server, `${line}\n`];
  const [baseline, receiveOne, oldBranch, newBranch] = measure([
    [process.execPath, ['-e', '0'], work],
    hook(`${main} ${oneOnMain} refs/heads/main`),
    hook(`${ZERO} ${onOld} refs/heads/from-old`),
    hook(`${ZERO} ${alone} refs/heads/alone`),
  ]);
  console.log(`node -e 0                                          ${baseline.toFixed(1)} ms`);
  console.log(`pre-receive, 1 commit on 10,000                    ${receiveOne.toFixed(1)} ms  (${(receiveOne / baseline).toFixed(2)}x node -e 0)`);
  console.log(`pre-receive, new branch: 5,000 old commits + 1 new ${oldBranch.toFixed(1)} ms`);
  console.log(`pre-receive, new branch: 1 commit                  ${newBranch.toFixed(1)} ms  (5,000-old / 1: ${(oldBranch / newBranch).toFixed(2)}x)`);

  const client = path.join(work, 'client');
  run('git', ['clone', '-q', server, client], work);
  const remoteSha = run('git', ['rev-parse', 'HEAD'], client);
  for (let i = 0; i < 20; i++) {
    writeFileSync(path.join(client, 'src', `f${i}.js`), `export const edited = ${i};\n`);
    run('git', ['commit', '-q', '--no-verify', '-am', `edit ${i}`], client);
  }
  const localSha = run('git', ['rev-parse', 'HEAD'], client);
  const [base2, push] = measure([
    [process.execPath, ['-e', '0'], work],
    [process.execPath, [cli, 'hook', 'pre-push', 'origin', server], client, `refs/heads/main ${localSha} refs/heads/main ${remoteSha}\n`],
  ]);
  console.log(`node -e 0                                          ${base2.toFixed(1)} ms`);
  console.log(`pre-push, 20 commits                               ${push.toFixed(1)} ms  (${(push / base2).toFixed(2)}x node -e 0)`);

  const small = path.join(work, 'h1000');
  history(small, 1_000);
  const [scan1k, scan10k] = measure([
    [process.execPath, [cli, 'scan', '--history'], small],
    [process.execPath, [cli, 'scan', '--history'], client],
  ].map((c) => c)).map((ms) => ms);
  console.log(`scan --history, 1,000 commits                      ${scan1k.toFixed(1)} ms`);
  console.log(`scan --history, 10,020 commits                     ${scan10k.toFixed(1)} ms  (${(scan10k / scan1k).toFixed(2)}x the 1,000: linear is about 10x)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
