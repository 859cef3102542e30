#!/usr/bin/env node
// Cost linear in the work (issue 14, item 3): wall time and peak RSS (GNU time) of
//   pre-commit with 1 / 20 / 500 / 5,000 staged files (one .env variable changed),
//   rotate of 1 / 10 / 100 env files x 4,000 variables,
//   scan of 1 / 10 / 100 MB of real source code,
//   `run` masking 100 MB and 1 GB of child output (and the same child into a pipe, unmasked),
//   a .env of 1,000 / 10,000 / 100,000 variables (10 MB): encrypt, decrypt, commit through the hook, `run` masking.
// Each table ends with the marginal cost per unit between sizes: a cost per unit that more than
// doubles at the largest step is flagged SUPERLINEAR. NODE_EXTRA_CA_CERTS is unset for every command.
//
//   npm run build && node bench/linear.mjs [large-env] [pre-commit] [rotate] [scan] [run] [--quick] [--against <cli.cjs>]
// Run one case at a time on a shared machine.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { isolatedEnv } from './lib/clean-env.mjs';
import { assertHookStaged, makeHookRepo, must } from './lib/hook-repo.mjs';
import { haveGnuTime, printRows, timeWithRss } from './lib/peak-rss.mjs';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist', 'cli.cjs');
const quick = process.argv.includes('--quick');
// `--against <other dist/cli.cjs>`: the rotate and run rows also time that build, interleaved, and print the ratio.
const against = process.argv.includes('--against') ? path.resolve(process.argv[process.argv.indexOf('--against') + 1]) : undefined;
const only = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--against');
const want = (name) => only.length === 0 || only.includes(name);
if (!haveGnuTime()) throw new Error('GNU time is missing: apt-get install time');
const work = mkdtempSync(path.join(os.tmpdir(), 'envguard-bench-linear-'));
const env = isolatedEnv(work);
const node0 = timeWithRss('node', ['-e', '0'], { env });
console.log(`baseline node -e 0: ${node0.ms.toFixed(0)} ms, peak RSS ${node0.rssMB.toFixed(0)} MB`);

function preCommitRows() {
  const rows = [];
  for (const size of quick ? [1, 20, 500] : [1, 20, 500, 5000]) {
    const repo = makeHookRepo({ dir: path.join(work, `pc-${size}`), cli, env, files: size, staged: size });
    // Median of 5 runs: the small sizes are start-up bound and noisy.
    const runs = Array.from({ length: 5 }, () => {
      repo.restore();
      return timeWithRss('node', [cli, 'hook', 'pre-commit'], { cwd: repo.dir, env });
    }).sort((a, b) => a.ms - b.ms);
    assertHookStaged(repo, env);
    rows.push({ size, ...runs[2] });
    rmSync(repo.dir, { recursive: true, force: true });
  }
  printRows('pre-commit hook, N staged files (median of 5)', 'files', rows);
}

async function rotateRows() {
  const bundled = await build({
    stdin: {
      contents: `export { parseDotenv } from './src/core/dotenv/index.ts';
        export { encryptDocument } from './src/core/encrypted-file.ts';
        export { generateKey } from './src/core/key.ts';
        export { createGenesis } from './src/core/ledger/index.ts';
        export { saveKey } from './src/io/key-store.ts';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true, format: 'esm', platform: 'node', write: false,
  });
  const lib = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
  const rows = [];
  const variables = 4000;
  for (const files of quick ? [1, 10] : [1, 10, 100]) {
    const repo = path.join(work, `rotate-${files}`);
    mkdirSync(repo, { recursive: true });
    must('git', ['init', '-q'], repo, env);
    const key = lib.generateKey(randomBytes);
    const projectId = randomUUID();
    lib.saveKey(env, projectId, 'default', key);
    const ledger = lib.createGenesis({ key, projectId, environment: 'default', actor: { name: 'Bench', email: 'bench@example.com' }, now: new Date() });
    writeFileSync(path.join(repo, '.env.ledger.json'), `${JSON.stringify(ledger, null, 2)}\n`);
    for (let file = 0; file < files; file++) {
      let text = '';
      for (let v = 0; v < variables; v++) text += `VAR_${v}=${randomBytes(24).toString('base64url')}\n`;
      const dir = file === 0 ? repo : path.join(repo, 'services', String(file).padStart(3, '0'));
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, '.env.encrypted'), lib.encryptDocument(lib.parseDotenv(text), key, { now: Math.floor(Date.now() / 1000), random: randomBytes }));
    }
    must('git', ['add', '-A'], repo, env);
    must('git', ['commit', '-qm', 'setup'], repo, env);
    const now = timeWithRss('node', [cli, 'rotate', '--force', '--reason', 'bench'], { cwd: repo, env });
    let note;
    if (against) {
      // The same rotation again (of the new key) by the other build.
      must('git', ['commit', '-qm', 'rotated'], repo, env);
      const other = timeWithRss('node', [against, 'rotate', '--force', '--reason', 'bench'], { cwd: repo, env });
      note = `(--against: ${other.ms.toFixed(0)} ms, CPU ${other.cpuMs.toFixed(0)} ms, ${other.rssMB.toFixed(0)} MB; this build ${(now.ms / other.ms).toFixed(2)}x its time, CPU ${(now.cpuMs / other.cpuMs).toFixed(2)}x, CPU here ${now.cpuMs.toFixed(0)} ms)`;
    }
    rows.push({ size: files * variables, label: `${files}x${variables}`, ...now, note });
    rmSync(repo, { recursive: true, force: true });
  }
  printRows('rotate, N env files x 4,000 variables (one run each)', 'variables', rows);
}

/** Real source text from installed packages, at least `bytes` of it (repeated if need be). */
function sourceText(bytes) {
  const parts = [];
  let size = 0;
  for (const pkg of ['typescript', 'eslint', 'vitest', 'commander', 'ajv']) {
    for (const entry of readdirSync(path.join(root, 'node_modules', pkg), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(?:[cm]?js|ts)$/.test(entry.name) || entry.parentPath.includes('node_modules/' + pkg + '/node_modules')) continue;
      const file = path.join(entry.parentPath, entry.name);
      if (statSync(file).size > 2_000_000) continue; // a handful of giant bundles would dominate
      parts.push(readFileSync(file, 'utf8'));
      size += parts.at(-1).length;
      if (size >= bytes) return parts.join('\n');
    }
  }
  const once = parts.join('\n');
  return once.repeat(Math.ceil(bytes / once.length));
}

function scanRows() {
  const rows = [];
  const text = sourceText(100 * 1024 * 1024);
  for (const mb of quick ? [1, 10] : [1, 10, 100]) {
    const dir = path.join(work, `scan-${mb}`);
    mkdirSync(dir);
    const per = 100 * 1024; // 100 KB files
    const total = mb * 1024 * 1024;
    for (let at = 0, i = 0; at < total; at += per, i++) writeFileSync(path.join(dir, `f${i}.js`), text.slice(at, at + per));
    // Exit 1 = findings in real code (test fixtures, examples): still a full scan.
    rows.push({ size: mb, ...timeWithRss('node', [cli, 'scan', dir, '--no-known-values', '--format', 'json'], { cwd: work, env, okCodes: [1] }) });
    rmSync(dir, { recursive: true, force: true });
  }
  printRows('envguard scan of N MB of real source (100 KB files, --no-known-values)', 'MB', rows);
}

function runRows() {
  const repo = path.join(work, 'run');
  mkdirSync(repo);
  must('git', ['init', '-q'], repo, env);
  let dotenv = '';
  const secrets = [];
  for (let i = 0; i < 50; i++) {
    const value = `sk_live_${randomBytes(18).toString('base64url')}`;
    secrets.push(value);
    dotenv += `SERVICE_${i}_API_KEY=${value}\n`;
  }
  writeFileSync(path.join(repo, '.env'), dotenv);
  must('node', [cli, 'init', '--no-husky'], repo, env);
  // A 4 MB block of log lines, one line in 200 carrying a secret, written `repeats` times.
  let block = '';
  for (let i = 0; block.length < 4 * 1024 * 1024; i++) block += `2026-01-01T00:00:00Z INFO request ${i} path=/api/v1/items status=200${i % 200 === 0 ? ` token=${secrets[i % 50]}` : ''}\n`;
  writeFileSync(path.join(work, 'block.txt'), block);
  const rows = [];
  for (const mb of quick ? [100] : [100, 1024]) {
    const repeats = Math.round((mb * 1024 * 1024) / block.length);
    const writer = `const b=require('fs').readFileSync(${JSON.stringify(path.join(work, 'block.txt'))});let n=${repeats};(function w(){while(n-->0){if(!process.stdout.write(b)){process.stdout.once('drain',w);return;}}})();`;
    const writerFile = path.join(work, `writer-${mb}.js`);
    writeFileSync(writerFile, writer);
    const plain = timeWithRss('sh', ['-c', `node ${writerFile} | cat > /dev/null`], { cwd: repo, env });
    const masked = timeWithRss('node', [cli, 'run', '--', 'node', writerFile], { cwd: repo, env });
    const other = against ? timeWithRss('node', [against, 'run', '--', 'node', writerFile], { cwd: repo, env }) : undefined;
    const versus = other ? `; --against ${((mb / other.ms) * 1000).toFixed(0)} MB/s, ${other.rssMB.toFixed(0)} MB: this build ${(other.ms / masked.ms).toFixed(2)}x its throughput` : '';
    rows.push({ size: mb, ...masked, note: `(unmasked into a pipe: ${plain.ms.toFixed(0)} ms; masked ${(masked.ms / plain.ms).toFixed(2)}x, ${((mb / masked.ms) * 1000).toFixed(0)} MB/s${versus})` });
  }
  printRows('envguard run masking N MB of child output (50 secrets)', 'MB', rows);
}

/** `variables` secret-looking lines of about 100 bytes (100,000 of them: 10 MB); variable 7 differs when `changed`. */
function secretEnv(variables, changed) {
  const lines = [];
  for (let i = 0; i < variables; i++) {
    const value = i === 7 && changed ? `sk_changed_${'c'.repeat(61)}` : `sk_${randomBytes(54).toString('base64url')}`;
    lines.push(`SERVICE_${i}_API_KEY=${value}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A .env of N variables (1,000 / 10,000 / 100,000; the last is 10 MB): `envguard encrypt` and
 * `decrypt` of it, a commit of a one-variable change through the hook (pre-commit encrypts,
 * stages and scans the staged lines for every known value), and `envguard run` masking every
 * value in 100 MB of child output.
 */
function largeEnvRows() {
  const rows = { encrypt: [], decrypt: [], commit: [], run: [] };
  for (const variables of quick ? [1000, 10000] : [1000, 10000, 100000]) {
    const repo = path.join(work, `env-${variables}`);
    mkdirSync(path.join(repo, 'src'), { recursive: true });
    must('git', ['init', '-q'], repo, env);
    const text = secretEnv(variables, false);
    writeFileSync(path.join(repo, '.env'), text);
    writeFileSync(path.join(repo, 'src', 'app.js'), 'console.log(1);\n');
    must('node', [cli, 'init', '--no-husky'], repo, env);
    must('git', ['add', '-A'], repo, env);
    must('git', ['commit', '-q', '--no-verify', '-m', 'initial'], repo, env);
    const encrypted = path.join(repo, '.env.encrypted');
    const saved = readFileSync(encrypted);
    rmSync(encrypted);
    rows.encrypt.push({ size: variables, ...timeWithRss('node', [cli, 'encrypt'], { cwd: repo, env }) });
    writeFileSync(encrypted, saved);
    rmSync(path.join(repo, '.env'));
    rows.decrypt.push({ size: variables, ...timeWithRss('node', [cli, 'decrypt'], { cwd: repo, env }) });
    if (readFileSync(path.join(repo, '.env'), 'utf8') !== text) throw new Error('decrypt did not give back the .env');
    // One variable changed and one source file edited; git runs the pre-commit and post-commit hooks.
    const lines = text.split('\n');
    lines[7] = `SERVICE_7_API_KEY=sk_changed_${'c'.repeat(61)}`;
    writeFileSync(path.join(repo, '.env'), lines.join('\n'));
    writeFileSync(path.join(repo, 'src', 'app.js'), 'console.log(2);\n');
    must('git', ['add', 'src'], repo, env);
    rows.commit.push({ size: variables, ...timeWithRss('git', ['commit', '-q', '-m', 'change one variable'], { cwd: repo, env }) });
    if (!must('git', ['show', '--name-only', '--format=', 'HEAD'], repo, env).includes('.env.encrypted')) throw new Error('the hook did not commit .env.encrypted');
    // 100 MB of log lines, one line in 200 printing one of the values.
    const values = lines.slice(0, variables).map((line) => line.slice(line.indexOf('=') + 1));
    let block = '';
    for (let i = 0; block.length < 4 * 1024 * 1024; i++) block += `2026-01-01T00:00:00Z INFO request ${i} path=/api/v1/items status=200${i % 200 === 0 ? ` token=${values[(i * 7919) % variables]}` : ''}\n`;
    writeFileSync(path.join(work, 'env-block.txt'), block);
    const repeats = Math.round((100 * 1024 * 1024) / block.length);
    const writer = path.join(work, 'env-writer.js');
    writeFileSync(writer, `const b=require('fs').readFileSync(${JSON.stringify(path.join(work, 'env-block.txt'))});let n=${repeats};(function w(){while(n-->0){if(!process.stdout.write(b)){process.stdout.once('drain',w);return;}}})();`);
    // Linux refuses a process more than about 2 MB of environment (E2BIG; `envguard run` says so):
    // past that the same masking (every value, 100 MB) runs in-process through the library bundle.
    if (text.length < 1.5 * 1024 * 1024) rows.run.push({ size: variables, ...timeWithRss('node', [cli, 'run', '--', 'node', writer], { cwd: repo, env }) });
    else {
      const script = path.join(work, 'mask-in-process.cjs');
      writeFileSync(script, `const { createMasker, createMaskingStream } = require(${JSON.stringify(path.join(root, 'dist', 'index.cjs'))});
        const fs = require('fs'); const { Readable, Writable } = require('stream');
        const values = fs.readFileSync('.env', 'utf8').split('\\n').filter(Boolean).map((l) => ({ name: l.slice(0, l.indexOf('=')), value: l.slice(l.indexOf('=') + 1) }));
        const masker = createMasker(values); const block = fs.readFileSync(${JSON.stringify(path.join(work, 'env-block.txt'))});
        function* chunks() { for (let r = 0; r < ${repeats}; r++) for (let at = 0; at < block.length; at += 65536) yield block.subarray(at, at + 65536); }
        Readable.from(chunks()).pipe(createMaskingStream(masker)).pipe(new Writable({ write(c, e, cb) { cb(); } }));`);
      rows.run.push({ size: variables, ...timeWithRss('node', [script], { cwd: repo, env }), note: '(in-process: a 10 MB environment is over the system limit for a child)' });
    }
    rmSync(repo, { recursive: true, force: true });
  }
  printRows('envguard encrypt, .env of N variables (~100 bytes each)', 'variables', rows.encrypt);
  printRows('envguard decrypt, same', 'variables', rows.decrypt);
  printRows('git commit of a one-variable change through the hooks, same', 'variables', rows.commit);
  printRows('envguard run masking every value in 100 MB of child output, same', 'variables', rows.run);
}

try {
  if (want('large-env')) largeEnvRows();
  if (want('pre-commit')) preCommitRows();
  if (want('rotate')) await rotateRows();
  if (want('scan')) scanRows();
  if (want('run')) runRows();
} finally {
  rmSync(work, { recursive: true, force: true });
}
