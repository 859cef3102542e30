import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SHARED_CODE_CACHE } from './global-setup.js';

/**
 * A real git repository in a temp dir, isolated from the machine's git config and key store:
 * GIT_CONFIG_GLOBAL points at a private file, GIT_CONFIG_NOSYSTEM is set, HOME and
 * ENVGUARD_HOME are private too.
 */
export interface TempRepo {
  dir: string;
  /** The environment to run git and envguard with. */
  env: NodeJS.ProcessEnv;
  git(...args: string[]): string;
  /** Runs git and returns status and both streams, without throwing. */
  gitRaw(args: string[], extraEnv?: NodeJS.ProcessEnv): { status: number; stdout: string; stderr: string };
  write(file: string, content: string): void;
  read(file: string): string;
  cleanup(): void;
}

export function isolatedEnv(root: string): NodeJS.ProcessEnv {
  const home = path.join(root, 'home');
  mkdirSync(home, { recursive: true });
  const globalConfig = path.join(home, '.gitconfig');
  writeFileSync(globalConfig, '[user]\n\tname = Test User\n\temail = test@example.com\n[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n');
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith('GIT_') || name.startsWith('ENVGUARD') || name === 'SECRETS_MASTER_KEY' || name.startsWith('HUSKY')) continue;
    env[name] = value;
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    GIT_CONFIG_GLOBAL: globalConfig,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    ENVGUARD_HOME: path.join(home, 'envguard'),
    NO_COLOR: '1',
    // The run's one warm code cache (global-setup.ts); a private one when run outside vitest.
    XDG_CACHE_HOME: process.env[SHARED_CODE_CACHE] ?? path.join(home, '.cache'),
  };
}

export function createTempRepo(options: { init?: boolean; root?: string } = {}): TempRepo {
  const root = options.root ?? mkdtempSync(path.join(os.tmpdir(), 'envguard-test-'));
  const dir = path.join(root, 'repo');
  mkdirSync(dir, { recursive: true });
  const env = isolatedEnv(root);
  const gitRaw = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => {
    const result = spawnSync('git', args, { cwd: dir, env: { ...env, ...extraEnv }, encoding: 'utf8' });
    return { status: result.status ?? 128, stdout: result.stdout, stderr: result.stderr };
  };
  const git = (...args: string[]) => {
    const result = gitRaw(args);
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
    return result.stdout;
  };
  if (options.init !== false) git('init', '-q');
  return {
    dir,
    env,
    git,
    gitRaw,
    write(file, content) {
      const full = path.join(dir, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
    },
    read(file) {
      return readFileSync(path.join(dir, file), 'utf8');
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * A copy of a temp repo's whole root (repository, HOME, key store) in a new temp dir, with its own
 * environment: for tests that each start from one state set up once per file (`envguard init` and a
 * commit cost far more than a copy). The copy's index is refreshed, as after a fresh checkout.
 */
export function copyTempRepo(source: TempRepo): TempRepo {
  const root = mkdtempSync(path.join(os.tmpdir(), 'envguard-test-'));
  cpSync(path.dirname(source.dir), root, { recursive: true, verbatimSymlinks: true });
  const copy = createTempRepo({ root, init: false });
  if (existsSync(path.join(copy.dir, '.git', 'index'))) copy.gitRaw(['update-index', '-q', '--refresh']);
  return copy;
}

/**
 * A state set up once per test file and copied for each test: `copy()` runs `setUp` on a new temp
 * repo the first time, then returns a fresh copy of it every time (tests may change their copy).
 */
export function repoTemplate(setUp: (repo: TempRepo) => void): { copy(): TempRepo; cleanup(): void } {
  let template: TempRepo | undefined;
  return {
    copy() {
      if (!template) {
        const made = createTempRepo();
        setUp(made);
        template = made;
      }
      return copyTempRepo(template);
    },
    cleanup() {
      template?.cleanup();
      template = undefined;
    },
  };
}
