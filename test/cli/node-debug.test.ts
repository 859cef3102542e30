import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

const PASSWORD = 'Zq8-real-db-password-4471';
let repo: TempRepo;
beforeAll(() => ensureBuilt());
afterEach(() => repo?.cleanup());

// Node reads NODE_DEBUG at start-up: envguard's own git spawns would print their environment
// (ENVGUARD_KEY among it) to stderr, from the CLI and from every hook.
describe('NODE_DEBUG=child_process', () => {
  it('no key or value reaches stderr from envguard commands or hooks', () => {
    repo = createTempRepo();
    repo.write('.env', `DB_PASSWORD=${PASSWORD}\n`);
    expect(runCli(['init'], { cwd: repo.dir, env: repo.env }).status).toBe(0);
    const key = runCli(['key', 'export'], { cwd: repo.dir, env: repo.env }).stdout.trim();
    expect(key).toHaveLength(44);
    const env = { ...repo.env, NODE_DEBUG: 'child_process', ENVGUARD_KEY: key, DB_TOKEN_EXTRA: PASSWORD };
    const results = [
      runCli(['status'], { cwd: repo.dir, env }),
      runCli(['verify'], { cwd: repo.dir, env }),
      runCli(['decrypt', '--force'], { cwd: repo.dir, env }),
      runCli(['hook', 'pre-commit'], { cwd: repo.dir, env }),
      runCli(['hook', 'post-checkout', 'HEAD', 'HEAD', '1'], { cwd: repo.dir, env }),
    ];
    repo.git('add', '-A');
    const commit = repo.gitRaw(['commit', '-q', '--allow-empty', '-m', 'with hooks'], env);
    expect(commit.status, commit.stderr).toBe(0);
    for (const result of results) {
      expect(result.stderr.includes(key), 'the key is on stderr').toBe(false);
      expect(result.stderr.includes(PASSWORD), 'a value is on stderr').toBe(false);
      expect(result.stderr).not.toMatch(/CHILD_PROCESS \d+/);
    }
    expect(commit.stderr.includes(key), 'the key is on stderr').toBe(false);
    expect(commit.stderr).not.toMatch(/CHILD_PROCESS \d+/);
  });
});
