import { afterEach, describe, expect, it } from 'vitest';
import { gitActor } from '../../src/io/git-actor.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

describe('gitActor', () => {
  let repo: TempRepo;
  afterEach(() => repo?.cleanup());

  it('is the configured user', () => {
    repo = createTempRepo();
    withEnv(repo.env, () => expect(gitActor(repo.dir)).toEqual({ name: 'Test User', email: 'test@example.com' }));
  });

  it('honours GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL, as a commit would (was "unknown <unknown>")', () => {
    repo = createTempRepo();
    repo.git('config', '--global', '--unset', 'user.name');
    repo.git('config', '--global', '--unset', 'user.email');
    withEnv({ ...repo.env, GIT_AUTHOR_NAME: 'Ada Lovelace', GIT_AUTHOR_EMAIL: 'ada@example.com' }, () =>
      expect(gitActor(repo.dir)).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com' }),
    );
  });
});

/** execGit reads process.env: run `fn` with exactly `env` in place, then restore it. */
function withEnv(env: NodeJS.ProcessEnv, fn: () => void): void {
  const saved = { ...process.env };
  for (const name of Object.keys(process.env)) delete process.env[name];
  Object.assign(process.env, env);
  try {
    fn();
  } finally {
    for (const name of Object.keys(process.env)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}
