import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';
import { repoTemplate, type TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
beforeAll(() => ensureBuilt(), 120_000);
afterEach(() => repo?.cleanup());

/** main has A=one, B=two; branch other changes A (set up once, copied per test). */
const branches = repoTemplate((made) => {
  made.write('.env', 'A=one-value-xyz\nB=two\n');
  expect(runCli(['init'], { cwd: made.dir, env: made.env }).status).toBe(0);
  made.git('add', '-A');
  made.git('commit', '-q', '-m', 'init');
  made.git('checkout', '-q', '-b', 'other');
  made.write('.env', 'A=other-value-xyz\nB=two\n');
  const c = made.gitRaw(['commit', '-q', '-m', 'A on other']);
  if (c.status !== 0) expect(made.gitRaw(['commit', '-q', '-m', 'A on other']).status).toBe(0);
  made.git('checkout', '-q', 'main');
  expect(made.read('.env')).toBe('A=one-value-xyz\nB=two\n');
});
afterAll(() => branches.cleanup());

function project(): void {
  repo = branches.copy();
}

// issue 16.6: pre-commit recorded ".env is in sync" before the commit happened, so after a
// refused commit and an ordinary recovery the next checkout overwrote the uncommitted edit.
describe('.env content that is in no commit', () => {
  it('survives an aborted commit, git reset --hard and a checkout: kept, the incoming version in .env.incoming', () => {
    project();
    repo.write('.env', 'A=my-uncommitted-edit\nB=two\n');
    // An aborted commit (empty message): git runs pre-commit, then gives up.
    repo.write('notes.txt', 'x\n');
    repo.git('add', 'notes.txt');
    const aborted = repo.gitRaw(['commit', '-q', '-m', '']);
    expect(aborted.status).not.toBe(0);
    expect(repo.git('diff', '--cached', '--name-only')).toContain('.env.encrypted');
    repo.git('reset', '-q', '--hard');
    const checkout = repo.gitRaw(['checkout', 'other']);
    expect(checkout.status, checkout.stderr).toBe(0);
    expect(repo.read('.env')).toBe('A=my-uncommitted-edit\nB=two\n');
    expect(repo.read('.env.incoming')).toBe('A=other-value-xyz\nB=two\n');
    expect(checkout.stderr).toContain('.env.incoming');
  });

  it('after envguard set with no commit, git checkout -f keeps the edit', () => {
    project();
    expect(runCli(['set', 'B', 'set-but-not-committed'], { cwd: repo.dir, env: repo.env }).status).toBe(0);
    const checkout = repo.gitRaw(['checkout', '-f', 'other']);
    expect(checkout.status, checkout.stderr).toBe(0);
    // B changed only locally, A only on other: merged per variable, nothing lost.
    expect(repo.read('.env')).toBe('A=other-value-xyz\nB=set-but-not-committed\n');
  });

  it('a commit that happens still records the sync: the next checkout just decrypts', () => {
    project();
    repo.write('.env', 'A=one-value-xyz\nB=committed\n');
    const c = repo.gitRaw(['commit', '-q', '-m', 'B']);
    if (c.status !== 0) expect(repo.gitRaw(['commit', '-q', '-m', 'B']).status).toBe(0);
    const checkout = repo.gitRaw(['checkout', 'other']);
    expect(checkout.status, checkout.stderr).toBe(0);
    expect(repo.read('.env')).toBe('A=other-value-xyz\nB=two\n');
    expect(existsSync(path.join(repo.dir, '.env.incoming'))).toBe(false);
  });
});
