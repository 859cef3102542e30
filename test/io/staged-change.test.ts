import { afterEach, describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from '../../src/core/scan/diff-parser.js';
import { bindGit } from '../../src/io/git.js';
import { committedPaths, parseStagedChange, readStagedChange } from '../../src/io/staged-change.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

/**
 * The staged change in one `git diff --cached --raw -z -p`: the listing pre-commit judges (paths,
 * status, HEAD's blob id) and the patch the secret scan reads, split apart exactly, whatever the
 * paths are called.
 */
describe('readStagedChange', () => {
  let repo: TempRepo;
  afterEach(() => repo?.cleanup());

  const commitAll = (message: string) => {
    repo.git('add', '-A');
    repo.git('commit', '-qm', message);
  };
  const change = () => readStagedChange(bindGit(repo.dir, repo.env));

  it('lists each path with its status and HEAD blob id, and leaves the patch as the scan reads it', () => {
    repo = createTempRepo();
    repo.write('kept.txt', 'one\n');
    repo.write('changed.txt', 'old\n');
    repo.write('gone.txt', 'bye\n');
    commitAll('base');
    const headBlob = repo.git('rev-parse', 'HEAD:changed.txt').trim();
    repo.write('changed.txt', 'old\nnew line\n');
    repo.write('a file with spaces.txt', 'spaced\n');
    repo.write('ünïcode\tand "quotes".txt', 'odd\n');
    repo.write('new\nline.txt', 'newline in the name\n');
    repo.git('rm', '-q', 'gone.txt');
    repo.git('add', '-A');
    const staged = change();
    expect(staged.entries).toEqual([
      { path: 'a file with spaces.txt', status: 'A', headBlob: undefined },
      { path: 'changed.txt', status: 'M', headBlob },
      { path: 'new\nline.txt', status: 'A', headBlob: undefined },
      { path: 'ünïcode\tand "quotes".txt', status: 'A', headBlob: undefined },
    ]);
    // Deleted paths are in neither part: they add no line and are not committed content.
    expect(committedPaths(staged)).not.toContain('gone.txt');
    expect(parseUnifiedDiff(staged.patch).map((file) => [file.path, file.lines.map((line) => line.text)])).toEqual([
      ['a file with spaces.txt', ['spaced']],
      ['changed.txt', ['new line']],
      ['new\nline.txt', ['newline in the name']],
      ['ünïcode\tand "quotes".txt', ['odd']],
    ]);
  });

  it('names a rename by its target, new to HEAD, when the user has renames on', () => {
    repo = createTempRepo();
    repo.write('before.txt', 'a\nb\nc\nd\ne\n');
    commitAll('base');
    repo.git('config', 'diff.renames', 'true');
    repo.git('mv', 'before.txt', 'after.txt');
    expect(change().entries).toEqual([{ path: 'after.txt', status: 'R', headBlob: undefined }]);
  });

  it('marks an unmerged path U, which is not among the paths git will commit', () => {
    repo = createTempRepo();
    repo.write('f.txt', 'base\n');
    commitAll('base');
    repo.git('checkout', '-qb', 'other');
    repo.write('f.txt', 'theirs\n');
    commitAll('theirs');
    repo.git('checkout', '-q', 'main');
    repo.write('f.txt', 'ours\n');
    commitAll('ours');
    expect(repo.gitRaw(['merge', '-q', 'other']).status).not.toBe(0);
    const staged = change();
    expect(staged.entries.map((entry) => `${entry.status} ${entry.path}`)).toEqual(['U f.txt']);
    expect(committedPaths(staged)).toEqual([]);
  });

  it('is empty with nothing staged, and on an unborn branch every path is new', () => {
    repo = createTempRepo();
    expect(change()).toEqual({ entries: [], patch: '' });
    repo.write('first.txt', 'x\n');
    repo.git('add', 'first.txt');
    expect(change().entries).toEqual([{ path: 'first.txt', status: 'A', headBlob: undefined }]);
  });
});

describe('parseStagedChange', () => {
  const zero = '0'.repeat(40);
  const blob = 'a'.repeat(40);

  it('reads records up to the empty one and keeps what follows as the patch', () => {
    const output = `:100644 100644 ${blob} ${'b'.repeat(40)} M\0x.txt\0:000000 100644 ${zero} ${blob} A\0y.txt\0\0diff --git a/x.txt b/x.txt\n`;
    expect(parseStagedChange(output)).toEqual({
      entries: [
        { path: 'x.txt', status: 'M', headBlob: blob },
        { path: 'y.txt', status: 'A', headBlob: undefined },
      ],
      patch: 'diff --git a/x.txt b/x.txt\n',
    });
  });

  it('takes a copy or rename by its second path, and a type change keeps HEAD\'s blob', () => {
    const output = `:100644 100644 ${blob} ${blob} C075\0src.txt\0copy.txt\0:100644 120000 ${blob} ${'c'.repeat(40)} T\0link\0`;
    expect(parseStagedChange(output).entries).toEqual([
      { path: 'copy.txt', status: 'C', headBlob: undefined },
      { path: 'link', status: 'T', headBlob: blob },
    ]);
  });

  it('refuses a record cut short rather than guessing its path', () => {
    expect(() => parseStagedChange(`:100644 100644 ${blob} ${blob} M\0x.txt`)).toThrow(/without its path/);
    expect(() => parseStagedChange(`:100644 100644 ${blob} ${blob} R100\0old.txt\0`)).toThrow(/without its target/);
  });
});
