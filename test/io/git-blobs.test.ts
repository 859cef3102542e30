import { afterEach, describe, expect, it } from 'vitest';
import { bindGit } from '../../src/io/git.js';
import { readBlobs } from '../../src/io/git-blobs.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

describe('readBlobs', () => {
  let repo: TempRepo | undefined;
  afterEach(() => repo?.cleanup());

  it('reads every blob asked for in one batch, leaving out what is missing or no blob (a tree has a body too)', () => {
    repo = createTempRepo();
    repo.write('a.txt', 'first\n');
    repo.write('dir/inner.txt', 'inside\n');
    repo.write('with space.txt', 'spaced\n');
    repo.write('b.bin', 'x\u0000y\n');
    repo.git('add', '.');
    repo.git('commit', '-qm', 'files');
    const names = ['HEAD:a.txt', 'HEAD:dir', 'HEAD:no such file', 'HEAD:with space.txt', 'HEAD', ':b.bin', 'bad\nname'];
    const blobs = readBlobs(bindGit(repo.dir, repo.env), repo.dir, names);
    expect(Object.fromEntries([...blobs].map(([name, bytes]) => [name, bytes.toString('latin1')]))).toEqual({
      'HEAD:a.txt': 'first\n',
      'HEAD:with space.txt': 'spaced\n',
      ':b.bin': 'x\u0000y\n',
    });
  });
});
