import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultContext } from '../../src/ops/context.js';
import { repositoryTop, trackedForbiddenFiles } from '../../src/ops/support/tracked-forbidden.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

describe('tracked forbidden files, through the context', () => {
  let repo: TempRepo;
  afterEach(() => repo?.cleanup());

  it('reads the index the context names, from a subfolder too, and not the one the process was given', () => {
    repo = createTempRepo();
    repo.write('.env', 'A=1\n');
    repo.write('app/readme.md', 'hi\n');
    repo.git('add', '-f', '.env', 'app/readme.md');
    const saved = process.env.GIT_INDEX_FILE;
    // The surrounding process names an index with nothing in it (a hook run inside a hook).
    process.env.GIT_INDEX_FILE = path.join(repo.dir, '.git', 'no-such-index');
    try {
      const ctx = defaultContext({ cwd: path.join(repo.dir, 'app'), env: repo.env });
      expect(trackedForbiddenFiles(ctx).map((finding) => finding.file)).toEqual(['.env']);
      const empty = defaultContext({ cwd: repo.dir, env: { ...repo.env, GIT_INDEX_FILE: path.join(repo.dir, '.git', 'no-such-index') } });
      expect(trackedForbiddenFiles(empty)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.GIT_INDEX_FILE;
      else process.env.GIT_INDEX_FILE = saved;
    }
  });

  it('has no repository top outside a repository', () => {
    repo = createTempRepo({ init: false });
    expect(repositoryTop(defaultContext({ cwd: repo.dir, env: { ...repo.env, GIT_CEILING_DIRECTORIES: path.dirname(repo.dir) } }))).toBeUndefined();
  });
});
