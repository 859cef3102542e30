import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { copyProject, createProject, type Project, type RunResult } from './project.js';

/** A secret value that is unique to one test, so a leak check cannot pass by accident. */
export function secret(label: string): string {
  return `${label}-${randomBytes(9).toString('base64url')}`;
}

/** The values most scenarios use: A and B in `.env`, A2 to change A to; `all` for leak checks. */
export function scenarioSecrets(): { A: string; B: string; A2: string; all: string[] } {
  const A = secret('alpha');
  const B = secret('bravo');
  const A2 = secret('alpha2');
  return { A, B, A2, all: [A, B, A2] };
}

/** `.env` text from name/value pairs. */
export function envText(vars: Record<string, string>): string {
  return Object.entries(vars)
    .map(([name, value]) => `${name}=${value}\n`)
    .join('');
}

/**
 * A project with envguard set up and committed: a `.env` with the given variables, `envguard init`
 * run, and the result committed by a commit that the hooks themselves check. Without `before`, the
 * first call in a test file does this and later calls with the same variables get a copy of it.
 */
export function initializedProject(vars: Record<string, string>, options: { kind?: 'plain' | 'husky'; before?: (p: Project) => void } = {}): Project {
  if (options.before) return initialize(vars, options);
  const id = JSON.stringify([options.kind ?? 'plain', vars]);
  let template = templates.get(id);
  if (!template || !template.exists('.env.encrypted')) {
    template = initialize(vars, options);
    templates.set(id, template);
  }
  return copyProject(template);
}

/** Set-up states already made in this test file, by kind and variables (never handed out, only copied). */
const templates = new Map<string, Project>();

function initialize(vars: Record<string, string>, options: { kind?: 'plain' | 'husky'; before?: (p: Project) => void }): Project {
  const project = createProject({ kind: options.kind });
  options.before?.(project);
  project.write('.env', envText(vars));
  const init = project.envguard(['init']);
  expect(init.status, init.stderr).toBe(0);
  project.git('add', '-A');
  project.git('commit', '-q', '-m', 'Add envguard');
  return project;
}

/** The plaintext a committed encrypted file decrypts to, through the installed textconv driver. */
export function committedPlaintext(project: Project, rev: string, file = '.env.encrypted'): string {
  return project.git('cat-file', '--textconv', `${rev}:${file}`);
}

/** Asserts that no output of a command shows any of the secrets. */
export function expectQuiet(result: RunResult, secrets: readonly string[]): void {
  for (const value of secrets) {
    expect(result.stdout).not.toContain(value);
    expect(result.stderr).not.toContain(value);
  }
}

/** Runs `git commit` (stdin closed) and returns the result, for commits a hook may stop. */
/** A typical commit in progress: `.env` edited (not staged: it is ignored) and an app file staged. */
export function editEnvAndStageApp(project: Project, vars: Record<string, string>, app = '1\n'): void {
  project.write('.env', envText(vars));
  project.write('app.js', app);
  project.git('add', 'app.js');
}

export function commit(project: Project, args: string[], env?: NodeJS.ProcessEnv): RunResult {
  return project.gitRaw(['commit', ...args], env);
}

/** Commits a .env change the way a developer would: edit, commit (rerun if git stops at "nothing to commit"). */
export function commitEnv(p: Project, vars: Record<string, string>, message: string): void {
  p.write('.env', envText(vars));
  if (commit(p, ['-q', '-m', message]).status !== 0) {
    const again = commit(p, ['-q', '-m', message]);
    expect(again.status, again.stderr).toBe(0);
  }
}

