// Secret scan benchmark: envguard vs secretlint (+ its recommended preset) on the same corpus of
// ~2,000 real source files, then the staged scan of a ~20 MB change and of a 20-file commit.
// NODE_EXTRA_CA_CERTS is unset for every command (lib/clean-env.mjs).
// Wall time is measured once per tool in the same run (the machine is shared: compare ratios,
// not absolute figures). Run: node bench/scan.mjs   (it builds dist/cli.cjs first)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchEnv } from './lib/clean-env.mjs';

const root = path.resolve(import.meta.dirname, '..');
// --cli PATH measures another build (e.g. an older commit's dist/cli.cjs) and skips the build.
const cliFlag = process.argv.indexOf('--cli');
const cli = cliFlag > 0 ? path.resolve(process.argv[cliFlag + 1]) : path.join(root, 'dist', 'cli.cjs');
const modules = path.join(root, 'node_modules');
const CORPUS_FILES = 2000;
const env = benchEnv();
const SOURCE = /\.(?:[cm]?js|[cm]?ts|json|md)$/;

function run(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30, env, ...options });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error) throw result.error;
  return { ms, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Real source files from installed packages (typescript first), no nested node_modules. */
function corpusFiles() {
  const packages = ['typescript', 'eslint', 'vitest', ...readdirSync(modules).filter((name) => !name.startsWith('.') && !['typescript', 'eslint', 'vitest'].includes(name)).sort()];
  const files = [];
  for (const pkg of packages) {
    const base = path.join(modules, pkg);
    for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
      const full = path.join(entry.parentPath, entry.name);
      if (!entry.isFile() || !SOURCE.test(entry.name) || path.relative(base, full).includes('node_modules')) continue;
      files.push(full);
      if (files.length === CORPUS_FILES) return files;
    }
  }
  return files;
}

const fmtMs = (ms) => `${ms.toFixed(0)} ms`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

if (cliFlag < 0) {
  const build = run('npm', ['run', 'build'], { cwd: root });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'envguard-bench-'));
try {
  // 1. The corpus, copied so both tools see the same plain directory.
  const corpus = path.join(work, 'corpus');
  let bytes = 0;
  corpusFiles().forEach((file, index) => {
    const target = path.join(corpus, String(index % 50), `${index}-${path.basename(file)}`);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(file, target);
    bytes += statSync(target).size;
  });
  const fileCount = readdirSync(corpus, { recursive: true }).filter((f) => SOURCE.test(f)).length;
  console.log(`corpus: ${fileCount} files, ${mb(bytes)} (installed packages, typescript/eslint/vitest first)`);

  const node0 = run(process.execPath, ['-e', '0'], { cwd: work });
  const envguard = run(process.execPath, [cli, 'scan', 'corpus', '--format', 'json', '--no-known-values'], { cwd: work });
  const envguardFindings = JSON.parse(envguard.stdout).summary.findings;

  // secretlint resolves its preset from the working directory and globs relative to it.
  writeFileSync(path.join(work, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  symlinkSync(modules, path.join(work, 'node_modules'), 'dir');
  const secretlint = run(process.execPath, [path.join(modules, 'secretlint', 'bin', 'secretlint.js'), 'corpus/**/*', '--format', 'json', '--no-color', '--output', path.join(work, 'secretlint.json')], { cwd: work });
  let secretlintFindings = 'n/a';
  try {
    // Read from --output: a large JSON report on a pipe can be cut short when secretlint exits.
    secretlintFindings = JSON.parse(readFileSync(path.join(work, 'secretlint.json'), 'utf8')).reduce((sum, file) => sum + file.messages.length, 0);
  } catch {
    console.log(`secretlint output was not JSON (exit ${secretlint.status}): ${secretlint.stderr.slice(0, 300)}`);
  }
  console.log(`envguard scan:   ${fmtMs(envguard.ms).padStart(9)}  findings ${envguardFindings}`);
  console.log(`secretlint:      ${fmtMs(secretlint.ms).padStart(9)}  findings ${secretlintFindings}`);
  console.log(`node -e 0:       ${fmtMs(node0.ms).padStart(9)}  (the start-up both tools pay)`);
  console.log(`ratio: envguard is ${(secretlint.ms / envguard.ms).toFixed(1)}x faster than secretlint on the corpus (target >= 10x; NODE_EXTRA_CA_CERTS unset for both)`);

  // 2. A ~20 MB staged change: real code split into 200 new files, 10 planted synthetic secrets.
  const repo = path.join(work, 'repo');
  mkdirSync(repo);
  const git = (...args) => {
    const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(work, 'gitconfig') } });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    return result;
  };
  writeFileSync(path.join(work, 'gitconfig'), '[user]\n\tname = Bench\n\temail = bench@localhost\n');
  git('init', '-q');
  writeFileSync(path.join(repo, 'README.md'), 'bench\n');
  git('add', '.');
  git('commit', '-qm', 'base');
  const sources = corpusFiles().filter((file) => !file.endsWith('.json'));
  const chunk = [];
  let size = 0;
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    if (text.includes('\u0000')) continue;
    chunk.push(text);
    size += text.length;
    if (size > 20 * 1024 * 1024) break;
  }
  const all = chunk.join('\n');
  const per = Math.ceil(all.length / 200);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let seed = 12345;
  const randomText = (n) => Array.from({ length: n }, () => alphabet[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length]).join('');
  for (let i = 0; i < 200; i++) {
    const planted = i % 20 === 0 ? `\nconst leaked = "${['sk', '_live_', randomText(28)].join('')}";\n` : '';
    writeFileSync(path.join(repo, `src-${i}.js`), all.slice(i * per, (i + 1) * per) + planted);
  }
  git('add', '.');
  const diffSize = git('diff', '--cached', '-U0', '--no-color').stdout.length;
  const staged = run(process.execPath, [cli, 'scan', '--staged', '--format', 'json', '--no-known-values'], { cwd: repo });
  const stagedFindings = JSON.parse(staged.stdout).summary.findings;
  console.log(`staged diff: ${mb(diffSize)} in 200 new files: envguard scan --staged ${fmtMs(staged.ms)}, findings ${stagedFindings} (10 planted)`);
  const diffOnly = run('git', ['diff', '--cached', '-U0', '--no-color', '--no-ext-diff'], { cwd: repo, maxBuffer: 1 << 30 });
  console.log(`  git diff --cached alone: ${fmtMs(diffOnly.ms)}; scan costs ${(staged.ms / diffOnly.ms).toFixed(1)}x of reading the diff`);

  // 3. A typical commit: 20 changed files of real code on top of the big history.
  git('commit', '-qm', 'big');
  for (let i = 0; i < 20; i++) writeFileSync(path.join(repo, `src-${i}.js`), `${readFileSync(path.join(repo, `src-${i}.js`), 'utf8')}\nexport const added${i} = ${i};\n`);
  git('add', '.');
  const startup = run(process.execPath, [cli, '--version'], { cwd: repo });
  console.log(`envguard --version ${fmtMs(startup.ms)} = ${(startup.ms / run(process.execPath, ['-e', '0'], { cwd: repo }).ms).toFixed(2)}x node -e 0`);
  const small = run(process.execPath, [cli, 'scan', '--staged', '--no-known-values'], { cwd: repo });
  const baseline = startup.ms + run('git', ['diff', '--cached', '-U0'], { cwd: repo }).ms;
  console.log(
    `20-file commit: envguard scan --staged ${fmtMs(small.ms)} vs CLI start-up + git diff ${fmtMs(baseline)} (ratio ${(small.ms / baseline).toFixed(2)}x; exit ${small.status})`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
