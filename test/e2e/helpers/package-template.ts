import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt } from '../../helpers/run-cli.js';
import { isolatedEnv } from '../../helpers/temp-repo.js';

const projectRoot = path.resolve(import.meta.dirname, '../../..');

/**
 * The packed envguard (and husky) tarballs and two installed templates, built once per build of
 * the package and shared by every e2e test file: `npm pack` and `npm install` are the slow part,
 * so each test copies a template's `node_modules` instead of installing again.
 *
 * Layout under the cache dir: `pkgs/*.tgz`, `plain/repo` (envguard only), `husky/repo` (envguard
 * and husky, with husky's `prepare` script). The repos sit one level below their root so that the
 * `file:../pkgs/…` specs npm records resolve the same way from every test repo and clone.
 */
export interface PackageTemplates {
  cacheDir: string;
  pkgsDir: string;
  templateDir(kind: 'plain' | 'husky'): string;
}

let cached: PackageTemplates | undefined;

export function packageTemplates(): PackageTemplates {
  if (cached) return cached;
  ensureBuilt();
  const cacheDir = path.join(os.tmpdir(), `envguard-e2e-${buildHash()}`);
  const lock = `${cacheDir}.lock`;
  const ready = path.join(cacheDir, 'ready');
  // Test files run in parallel processes: the first to take the lock builds, the others wait.
  for (let waited = 0; !existsSync(ready); waited += 200) {
    if (tryLock(lock)) {
      try {
        if (!existsSync(ready)) build(cacheDir);
        writeFileSync(ready, '');
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      break;
    }
    if (waited > 180_000) throw new Error(`timed out waiting for ${lock}`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
  cached = { cacheDir, pkgsDir: path.join(cacheDir, 'pkgs'), templateDir: (kind) => path.join(cacheDir, kind, 'repo') };
  return cached;
}

function build(cacheDir: string): void {
  rmSync(cacheDir, { recursive: true, force: true });
  const pkgs = path.join(cacheDir, 'pkgs');
  mkdirSync(pkgs, { recursive: true });
  const env = isolatedEnv(path.join(cacheDir, 'env'));
  // --ignore-scripts: the project's own `prepare` (husky) must not touch this checkout's git config.
  run('npm', ['pack', '--ignore-scripts', '--pack-destination', pkgs], projectRoot, env);
  run('npm', ['pack', '--ignore-scripts', '--pack-destination', pkgs], path.join(projectRoot, 'node_modules', 'husky'), env);
  const tarballs = readdirSync(pkgs);
  const envguard = tarballs.find((name) => name.startsWith('envguard-'));
  const husky = tarballs.find((name) => name.startsWith('husky-'));
  if (!envguard || !husky) throw new Error(`npm pack produced ${tarballs.join(', ')}`);

  for (const kind of ['plain', 'husky'] as const) {
    const repo = path.join(cacheDir, kind, 'repo');
    mkdirSync(repo, { recursive: true });
    symlinkSync(pkgs, path.join(cacheDir, kind, 'pkgs'));
    const manifest = { name: 'app', version: '1.0.0', private: true, ...(kind === 'husky' ? { scripts: { prepare: 'husky' } } : {}) };
    writeFileSync(path.join(repo, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const specs = [`../pkgs/${envguard}`, ...(kind === 'husky' ? [`../pkgs/${husky}`] : [])];
    // No git repo here yet, so husky's prepare does nothing; each test repo runs it for real.
    run('npm', ['install', '--no-audit', '--no-fund', '--offline', '--save-dev', ...specs], repo, env);
  }
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}: ${result.stderr}`);
}

function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch {
    // A lock left by a killed run would block forever: take over one older than five minutes.
    try {
      if (Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
    } catch {
      // it went away meanwhile
    }
    return false;
  }
}

/** Everything that ends up in the tarball and matters to the tests. */
function buildHash(): string {
  const hash = createHash('sha256');
  const chunks = readdirSync(path.join(projectRoot, 'dist'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(projectRoot, path.join(entry.parentPath, entry.name)));
  for (const file of [...chunks.sort(), 'package.json', 'hooks/hook.sh', 'hooks/run.sh']) {
    hash.update(file).update(readFileSync(path.join(projectRoot, file)));
  }
  return hash.digest('hex').slice(0, 16);
}
