import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { execGit } from '../../src/io/git.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

/** The one place git is spawned: its answers, and its failures as one-line errors with their code. */
describe('execGit', () => {
  let repo: TempRepo | undefined;
  afterEach(() => repo?.cleanup());

  it('returns stdout as bytes, with stdin written and the bound environment used', () => {
    repo = createTempRepo();
    const options = { cwd: repo.dir, baseEnv: repo.env };
    const id = execGit(['hash-object', '-w', '--stdin'], { ...options, input: 'hello\n' }).stdout.toString('utf8').trim();
    expect(id).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    expect(execGit(['cat-file', 'blob', id], options).stdout.toString('utf8')).toBe('hello\n');
    expect(execGit(['config', 'user.name'], options).stdout.toString('utf8')).toBe('Test User\n');
  });

  it('returns an exit code listed as an answer, and throws GIT_FAILED with git’s first line otherwise', () => {
    repo = createTempRepo();
    const options = { cwd: repo.dir, baseEnv: repo.env };
    expect(execGit(['rev-parse', '-q', '--verify', 'no-such-ref'], { ...options, okCodes: [1] }).status).toBe(1);
    expect(() => execGit(['cat-file', 'blob', 'no-such-ref'], options)).toThrow(expect.objectContaining({ code: 'GIT_FAILED', message: expect.stringMatching(/^git cat-file failed: fatal: /) }));
  });

  it('throws NOT_A_GIT_REPO outside a repository and GIT_MISSING when git is not on PATH', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'envguard-git-'));
    try {
      const outside = { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(dir), GIT_DIR: undefined, GIT_WORK_TREE: undefined };
      expect(() => execGit(['rev-parse', '--git-dir'], { cwd: dir, baseEnv: outside })).toThrow(expect.objectContaining({ code: 'NOT_A_GIT_REPO' }));
      expect(() => execGit(['--version'], { cwd: dir, baseEnv: { PATH: '/nonexistent' } })).toThrow(expect.objectContaining({ code: 'GIT_MISSING', hint: expect.stringContaining('install git') }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
