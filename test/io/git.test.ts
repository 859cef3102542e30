import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isEnvguardError } from '../../src/errors.js';
import { execGit, type GitOptions } from '../../src/io/git.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

/** The one place git is spawned: its answers, and its failures as one-line errors with their code. */
describe('execGit', () => {
  const run = (args: string[], options: GitOptions) => Promise.resolve().then(() => execGit(args, options));
  let repo: TempRepo | undefined;
  afterEach(() => repo?.cleanup());

  it('returns stdout as bytes, with stdin written and the bound environment used', async () => {
    repo = createTempRepo();
    const options = { cwd: repo.dir, baseEnv: repo.env };
    const id = (await run(['hash-object', '-w', '--stdin'], { ...options, input: 'hello\n' })).stdout.toString('utf8').trim();
    expect(id).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    expect((await run(['cat-file', 'blob', id], options)).stdout.toString('utf8')).toBe('hello\n');
    expect((await run(['config', 'user.name'], options)).stdout.toString('utf8')).toBe('Test User\n');
  });

  it('returns an exit code listed as an answer, and throws GIT_FAILED with git’s first line otherwise', async () => {
    repo = createTempRepo();
    const options = { cwd: repo.dir, baseEnv: repo.env };
    expect((await run(['rev-parse', '-q', '--verify', 'no-such-ref'], { ...options, okCodes: [1] })).status).toBe(1);
    const error: unknown = await run(['cat-file', 'blob', 'no-such-ref'], options).catch((caught: unknown) => caught);
    expect(isEnvguardError(error, 'GIT_FAILED')).toBe(true);
    expect((error as Error).message).toMatch(/^git cat-file failed: fatal: /);
  });

  it('throws NOT_A_GIT_REPO outside a repository and GIT_MISSING when git is not on PATH', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'envguard-git-'));
    try {
      const env = { PATH: '/nonexistent', GIT_CEILING_DIRECTORIES: path.dirname(dir) };
      const outside: unknown = await run(['rev-parse', '--git-dir'], { cwd: dir, baseEnv: { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(dir), GIT_DIR: undefined } }).catch((caught: unknown) => caught);
      expect(isEnvguardError(outside, 'NOT_A_GIT_REPO')).toBe(true);
      const missing: unknown = await run(['--version'], { cwd: dir, baseEnv: env }).catch((caught: unknown) => caught);
      expect(isEnvguardError(missing, 'GIT_MISSING')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
