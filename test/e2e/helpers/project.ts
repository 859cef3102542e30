import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isolatedEnv } from '../../helpers/temp-repo.js';
import { packageTemplates } from './package-template.js';

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * A temp project with the packed envguard installed (copied from a shared template), on its own
 * "machine": private HOME, git config and key store. Every command runs with stdin on /dev/null
 * and a timeout, so a hook that waits for input fails the test instead of hanging it.
 */
export interface Project {
  root: string;
  dir: string;
  env: NodeJS.ProcessEnv;
  run(command: string, args: string[], options?: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string }): RunResult;
  /** git, throwing on a non-zero exit; returns stdout. */
  git(...args: string[]): string;
  /** git without throwing. */
  gitRaw(args: string[], extraEnv?: NodeJS.ProcessEnv): RunResult;
  /** The installed CLI (`node_modules/.bin/envguard`), without throwing. */
  envguard(args: string[], options?: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string }): RunResult;
  write(file: string, content: string): void;
  read(file: string): string;
  exists(file: string): boolean;
}

const roots: string[] = [];

/** Removes every project made in this test file (call from afterAll). */
export function cleanupProjects(): void {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
}

function newRoot(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'envguard-e2e-'));
  roots.push(root);
  // The `file:../pkgs/…` specs in package.json resolve from every repo the same way.
  symlinkSync(packageTemplates().pkgsDir, path.join(root, 'pkgs'));
  return root;
}

function projectAt(root: string, dir: string, env: NodeJS.ProcessEnv): Project {
  const run: Project['run'] = (command, args, options = {}) => {
    const result = spawnSync(command, args, {
      cwd: options.cwd ?? dir,
      env: { ...env, ...options.env },
      encoding: 'utf8',
      input: options.input,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    if (result.error) throw result.error;
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  };
  const gitRaw: Project['gitRaw'] = (args, extraEnv) => run('git', args, { env: extraEnv });
  return {
    root,
    dir,
    env,
    run,
    gitRaw,
    git: (...args) => {
      const result = gitRaw(args);
      if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}`);
      return result.stdout;
    },
    envguard: (args, options) => run(path.join(dir, 'node_modules', '.bin', 'envguard'), args, options),
    write: (file, content) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), content);
    },
    read: (file) => readFileSync(path.join(dir, file), 'utf8'),
    exists: (file) => existsSync(path.join(dir, file)),
  };
}

function installFromTemplate(dir: string, kind: 'plain' | 'husky'): void {
  const template = packageTemplates().templateDir(kind);
  cpSync(path.join(template, 'node_modules'), path.join(dir, 'node_modules'), { recursive: true, verbatimSymlinks: true });
}

/**
 * A new project: `git init`, package.json and package-lock.json from the template, envguard (and
 * husky) in node_modules, `node_modules/` ignored, one initial commit. `envguard init` is left
 * to the test.
 */
export function createProject(options: { kind?: 'plain' | 'husky' } = {}): Project {
  const kind = options.kind ?? 'plain';
  const root = newRoot();
  const dir = path.join(root, 'repo');
  mkdirSync(dir);
  const project = projectAt(root, dir, isolatedEnv(root));
  project.git('init', '-q');
  const template = packageTemplates().templateDir(kind);
  for (const file of ['package.json', 'package-lock.json']) cpSync(path.join(template, file), path.join(dir, file));
  installFromTemplate(dir, kind);
  project.write('.gitignore', 'node_modules/\n');
  project.write('README.md', '# app\n');
  project.git('add', '-A');
  project.git('commit', '-q', '-m', 'initial');
  return project;
}

/**
 * A copy of a project on a machine of its own (repository, HOME and key store), for tests that
 * each need the same starting state: copying takes milliseconds where `envguard init` and a
 * commit through the hooks take most of a second.
 */
export function copyProject(source: Project): Project {
  const root = newRoot();
  const dir = path.join(root, 'repo');
  cpSync(path.join(source.root, 'home'), path.join(root, 'home'), { recursive: true, verbatimSymlinks: true });
  cpSync(source.dir, dir, { recursive: true, verbatimSymlinks: true });
  const project = projectAt(root, dir, isolatedEnv(root));
  // `envguard init` recorded the CLI it ran as (the source's node_modules): this copy's own instead.
  const cliPath = path.join(dir, '.git', 'envguard', 'cli-path');
  if (existsSync(cliPath)) writeFileSync(cliPath, readFileSync(cliPath, 'utf8').replaceAll(source.dir, dir));
  // The index holds the source files' inodes and times: refresh it, as a fresh checkout would be.
  project.git('update-index', '-q', '--refresh');
  return project;
}

/** A bare repository the project pushes to, for clones and pulls. */
export function addOrigin(project: Project): string {
  const origin = path.join(project.root, 'origin.git');
  project.git('init', '-q', '--bare', origin);
  project.git('remote', 'add', 'origin', origin);
  project.git('push', '-q', '-u', 'origin', 'HEAD');
  return origin;
}

/**
 * A teammate's clone on another machine (own HOME and key store). With `install: 'npm'` it runs
 * a real offline `npm install` (husky's `prepare` included); otherwise node_modules is copied.
 */
export function cloneProject(origin: string, options: { kind?: 'plain' | 'husky'; install?: 'npm' | 'copy' } = {}): Project {
  const root = newRoot();
  const dir = path.join(root, 'repo');
  const env = isolatedEnv(root);
  const result = spawnSync('git', ['clone', '-q', origin, dir], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`git clone failed: ${result.stderr}`);
  const project = projectAt(root, dir, env);
  if (options.install === 'npm') {
    const npm = project.run('npm', ['install', '--no-audit', '--no-fund', '--offline']);
    if (npm.status !== 0) throw new Error(`npm install failed: ${npm.stderr}`);
  } else {
    installFromTemplate(dir, options.kind ?? 'plain');
  }
  return project;
}

/** Every object reachable from any ref (stashes included), as raw text: what a push would publish. */
export function reachableObjects(project: Project): string {
  const list = project.git('rev-list', '--objects', '--all');
  const ids = list
    .split('\n')
    .map((line) => line.split(' ')[0])
    .filter((id): id is string => Boolean(id));
  return project.run('git', ['cat-file', '--batch'], { input: `${ids.join('\n')}\n` }).stdout;
}

/** Fails when any secret appears in a committed object or in `git log -p` without textconv. */
export function committedLeaks(project: Project, secrets: readonly string[]): string[] {
  const history = reachableObjects(project) + project.git('log', '-p', '--all', '--no-textconv', '--no-ext-diff');
  return secrets.filter((secret) => history.includes(secret));
}
