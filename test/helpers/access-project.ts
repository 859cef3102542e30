import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Ledger } from '../../src/core/ledger/index.js';
import { runCli, runCliAsync, type CliResult } from './run-cli.js';
import { copyTempRepo, createTempRepo, type TempRepo } from './temp-repo.js';

/**
 * A repository where Alice ran `envguard init` (she is the first member) and committed, plus
 * other "machines" that share the working tree but each have their own HOME and key store.
 */
export interface AccessProject {
  repo: TempRepo;
  secret: string;
  /** Runs the built CLI as a machine (alice by default) in the repository. */
  as(machine: string, args: string[], extraEnv?: NodeJS.ProcessEnv): CliResult;
  /** `as` without blocking the worker, for `it.concurrent` tests. */
  asAsync(machine: string, args: string[], extraEnv?: NodeJS.ProcessEnv): Promise<CliResult>;
  /** A machine's environment: its own HOME, ENVGUARD_HOME and git identity. */
  envOf(machine: string): NodeJS.ProcessEnv;
  /** A machine's recipient (`access id`, creating its identity). */
  recipientOf(machine: string): string;
  ledger(): Ledger;
  staged(): string[];
}

export function createAccessProject(options: { root?: string; init?: boolean } = {}): AccessProject {
  const repo = createTempRepo(options.root ? { root: options.root, init: false } : {});
  const base = path.dirname(repo.dir);
  const secret = `tok-${Math.random().toString(36).slice(2)}${Date.now()}`;
  const envOf = (machine: string): NodeJS.ProcessEnv => {
    if (machine === 'alice') return repo.env;
    const home = path.join(base, machine);
    const name = machine[0]?.toUpperCase() + machine.slice(1);
    return { ...repo.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), ENVGUARD_HOME: path.join(home, 'envguard'), GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: `${machine}@example.com`, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: `${machine}@example.com` };
  };
  // Crash points exist only in the test bundle (src/io/test-crash.ts).
  const cliOptions = (machine: string, extraEnv: NodeJS.ProcessEnv) => ({ cwd: repo.dir, env: { ...envOf(machine), ...extraEnv }, bundle: extraEnv.ENVGUARD_TEST_CRASH_AT ? ('test' as const) : ('release' as const) });
  const project: AccessProject = {
    repo,
    secret,
    envOf,
    as: (machine, args, extraEnv = {}) => runCli(args, cliOptions(machine, extraEnv)),
    asAsync: (machine, args, extraEnv = {}) => runCliAsync(args, cliOptions(machine, extraEnv)),
    recipientOf: (machine) => {
      const result = project.as(machine, ['access', 'id']);
      expect(result.status, result.stderr).toBe(0);
      return result.stdout.trim();
    },
    ledger: () => JSON.parse(repo.read('.env.ledger.json')) as Ledger,
    staged: () => repo.git('diff', '--cached', '--name-only').split('\n').filter(Boolean),
  };
  if (options.init !== false && !options.root) {
    repo.write('.env', `API_TOKEN=${secret}\nGREETING=hello\n`);
    const init = project.as('alice', ['init', '--no-hooks']);
    expect(init.status, init.stderr).toBe(0);
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'init');
  }
  return project;
}

/** A copy of the project's whole temp root (repo and every machine's home) to crash in. */
export function copyProject(project: AccessProject): AccessProject {
  const copy = createAccessProject({ root: path.dirname(copyTempRepo(project.repo).dir) });
  return { ...copy, secret: project.secret };
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
