// Masking throughput: ≥ 200 MB of synthetic program output with ~50 secrets, through the
// streaming masker in pipe-sized chunks, against baselines measured in the same run on the same
// data (Buffer.indexOf of a single pattern; the same child output read without masking). Prints MB/s and ratios.
// Target (issue 6): at least 100 MB/s of masked output.
//
// Usage: node bench/mask.mjs [totalMB=256]
import { build } from 'esbuild';
import { benchEnv } from './lib/clean-env.mjs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const totalMB = Number(process.argv[2] ?? 256);
const CHUNK = 64 * 1024; // what a child's stdout pipe delivers
const SECRETS = 50;

// Bundle the masking module on the fly so the bench measures the source, built or not.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'envguard-bench-'));
const outfile = path.join(tmp, 'mask.mjs');
await build({
  stdin: { contents: "export * from './src/core/mask/index.ts'; export { spawnMasked } from './src/io/spawn-masked.ts';", resolveDir: root, loader: 'ts' },
  bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile, logLevel: 'error',
});
const { createMasker, createMaskingStream, spawnMasked } = await import(pathToFileURL(outfile).href);

// Deterministic pseudo-random source so every run scans the same text.
let seed = 42;
const rand = (n) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const word = (length) => Array.from({ length }, () => alnum[rand(alnum.length)]).join('');

const values = Array.from({ length: SECRETS }, (_, i) => ({
  name: i % 2 === 0 ? `SERVICE_${i}_API_KEY` : `DATABASE_URL_${i}`,
  value: i % 2 === 0 ? `sk_live_${word(24 + rand(16))}` : `postgres://app:${word(16)}@db-${i}.internal:5432/app`,
}));
const masker = createMasker(values);

// A block of log-like lines; about one line in 200 prints a secret (raw, base64 or URL-encoded).
const levels = ['INFO', 'DEBUG', 'WARN', 'ERROR'];
const lines = [];
let blockBytes = 0;
while (blockBytes < 4 * 1024 * 1024) {
  let line = `2024-05-0${1 + rand(9)}T12:${10 + rand(50)}:${10 + rand(50)}.${100 + rand(900)}Z ${levels[rand(4)]} [worker-${rand(16)}] request id=${word(12)} path=/api/v1/${word(6)} status=${200 + rand(300)} took=${rand(900)}ms`;
  if (rand(200) === 0) {
    const secret = values[rand(SECRETS)].value;
    const form = rand(3);
    line += ` leaked=${form === 0 ? secret : form === 1 ? Buffer.from(secret).toString('base64') : encodeURIComponent(secret)}`;
  }
  lines.push(line);
  blockBytes += line.length + 1;
}
const block = Buffer.from(lines.join('\n') + '\n');
const repeats = Math.ceil((totalMB * 1024 * 1024) / block.length);
const totalBytes = block.length * repeats;

function* chunks() {
  for (let r = 0; r < repeats; r++) for (let at = 0; at < block.length; at += CHUNK) yield block.subarray(at, at + CHUNK);
}

async function throughput(label, makeTransform) {
  let written = 0;
  const sink = new Writable({ write(chunk, _enc, callback) { written += chunk.length; callback(); } });
  const started = process.hrtime.bigint();
  await pipeline(Readable.from(chunks(), { objectMode: false }), makeTransform(), sink);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { label, seconds, mbPerSecond: totalBytes / 1024 / 1024 / seconds, written };
}

function indexOfBaseline() {
  const needle = Buffer.from(values[0].value);
  let found = 0;
  const started = process.hrtime.bigint();
  for (const chunk of chunks()) for (let at = chunk.indexOf(needle); at !== -1; at = chunk.indexOf(needle, at + 1)) found++;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { label: 'Buffer.indexOf, 1 pattern', seconds, mbPerSecond: totalBytes / 1024 / 1024 / seconds, found };
}

// End to end: a child writing the same text to its stdout, read through spawnMasked with and
// without the masker (the baseline pays the same pipe and process costs).
const blockFile = path.join(tmp, 'block.txt');
writeFileSync(blockFile, block);
const writer = `const fs=require('node:fs');const b=fs.readFileSync(${JSON.stringify(blockFile)});let n=${repeats};` +
  `(function w(){while(n>0){n--;if(!process.stdout.write(b)){process.stdout.once('drain',w);return;}}})();`;
async function childThroughput(label, withMasker) {
  let written = 0;
  const sink = new Writable({ write(chunk, _enc, callback) { written += chunk.length; callback(); } });
  const started = process.hrtime.bigint();
  const outcome = await spawnMasked({ command: process.execPath, args: ['-e', writer], cwd: tmp, env: benchEnv(), masker: withMasker ? masker : undefined, stdin: Readable.from([]), stdout: sink, stderr: new PassThrough(), signalSource: new PassThrough() });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (outcome.exitCode !== 0) throw new Error(`writer child exited ${outcome.exitCode}`);
  return { label, seconds, mbPerSecond: totalBytes / 1024 / 1024 / seconds, written };
}

// The machine is shared and noisy: run every measurement ROUNDS times, interleaved, and report the median.
const ROUNDS = 3;
const runs = { indexOf: [], masking: [], childPlain: [], childMasked: [] };
for (let round = 0; round < ROUNDS; round++) {
  runs.indexOf.push(indexOfBaseline());
  runs.masking.push(await throughput('masking Transform', () => createMaskingStream(masker)));
  runs.childPlain.push(await childThroughput('child -> spawnMasked, no mask', false));
  runs.childMasked.push(await childThroughput('child -> spawnMasked, masked', true));
}
rmSync(tmp, { recursive: true, force: true });
const median = (results) => [...results].sort((a, b) => a.mbPerSecond - b.mbPerSecond)[Math.floor(results.length / 2)];
const [indexOf, masking, childPlain, childMasked] = Object.values(runs).map(median);

const mb = (n) => n.toFixed(0).padStart(6);
console.log(`mask bench (median of ${ROUNDS}): ${(totalBytes / 1024 / 1024).toFixed(0)} MB in ${CHUNK / 1024} KB chunks, ${SECRETS} secrets -> ${masker.patternCount} patterns (longest ${masker.maxPatternLength} bytes)`);
for (const result of [indexOf, masking, childPlain, childMasked]) console.log(`  ${result.label.padEnd(28)} ${mb(result.mbPerSecond)} MB/s  (${result.seconds.toFixed(2)} s; range ${runs[Object.keys(runs).find((k) => runs[k].includes(result))].map((r) => r.mbPerSecond.toFixed(0)).join('/')})`);
console.log(`  masking (${masker.patternCount} patterns) / indexOf (1 pattern): ${(masking.mbPerSecond / indexOf.mbPerSecond).toFixed(2)}x`);
console.log(`  child output masked / unmasked: ${(childMasked.mbPerSecond / childPlain.mbPerSecond).toFixed(2)}x`);
console.log(`  output ${(masking.written / 1024 / 1024).toFixed(0)} MB (secrets replaced)`);
const target = 100;
console.log(`  target >= ${target} MB/s of masked child output: ${childMasked.mbPerSecond >= target ? 'met' : 'NOT met'} (${childMasked.mbPerSecond.toFixed(0)} MB/s)`);
