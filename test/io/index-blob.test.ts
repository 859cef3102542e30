import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitBlobId, indexBlobId } from '../../src/io/index-blob.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

describe('indexBlobId: a path’s blob id read from the index file, as git sees it', () => {
  let repo: TempRepo | undefined;
  afterEach(() => repo?.cleanup());

  function populated(): TempRepo {
    repo = createTempRepo();
    const files = ['.editorconfig', '.env.encrypted', '.env.ledger.json', '.gitignore', 'a/deep/path/file.txt', 'b.txt', 'z.txt'];
    for (const [i, file] of files.entries()) repo.write(file, `content ${i}\n`.repeat(i + 1));
    repo.git('add', '-A');
    return repo;
  }

  for (const version of ['2', '3', '4']) {
    it(`agrees with git rev-parse for index version ${version}`, () => {
      const r = populated();
      r.git('update-index', '--index-version', version);
      if (version === '3') {
        r.write('new-file.txt', 'n\n');
        r.git('add', '--intent-to-add', 'new-file.txt'); // an extended-flags entry
      }
      const index = path.join(r.dir, '.git', 'index');
      for (const file of ['.editorconfig', '.env.encrypted', '.gitignore', 'a/deep/path/file.txt', 'z.txt']) {
        expect(indexBlobId(index, file)).toBe(r.git('rev-parse', `:${file}`).trim());
      }
      expect(indexBlobId(index, '.env')).toBeUndefined();
      expect(indexBlobId(index, 'zz.txt')).toBeUndefined();
    });
  }

  it('gives undefined for a missing or damaged index file', () => {
    const r = populated();
    expect(indexBlobId(path.join(r.dir, 'no-such-index'), '.env.encrypted')).toBeUndefined();
    r.write('bad-index', 'DIRC garbage');
    expect(indexBlobId(path.join(r.dir, 'bad-index'), '.env.encrypted')).toBeUndefined();
  });

  it('gitBlobId is git hash-object', () => {
    const r = populated();
    const text = 'A=fernet:x\nB=ü\n';
    r.write('x.txt', text);
    expect(gitBlobId(text)).toBe(r.git('hash-object', 'x.txt').trim());
  });
});
