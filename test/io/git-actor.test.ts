import { afterEach, describe, expect, it } from 'vitest';
import { gitActor } from '../../src/io/git-actor.js';
import { bindGit } from '../../src/io/git.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

describe('gitActor', () => {
  let repo: TempRepo;
  afterEach(() => repo?.cleanup());

  it('is the configured user', () => {
    repo = createTempRepo();
    expect(gitActor(bindGit(repo.dir, repo.env))).toEqual({ name: 'Test User', email: 'test@example.com' });
  });

  it('honours GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL, as a commit would (was "unknown <unknown>")', () => {
    repo = createTempRepo();
    repo.git('config', '--global', '--unset', 'user.name');
    repo.git('config', '--global', '--unset', 'user.email');
    expect(gitActor(bindGit(repo.dir, { ...repo.env, GIT_AUTHOR_NAME: 'Ada Lovelace', GIT_AUTHOR_EMAIL: 'ada@example.com' }))).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com' });
  });
});
