import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { markForPostCommit } from '../../src/io/post-commit-marker.js';
import { readSyncState } from '../../src/io/sync-state.js';
import { afterCommit } from '../../src/ops/after-commit.js';
import { preCommit } from '../../src/ops/pre-commit/pre-commit.js';
import { createEnvProject, type EnvProject } from '../helpers/env-project.js';

/**
 * The post-commit use case in-process: what pre-commit staged becomes the synced state once HEAD
 * holds it, the real index is put back in line after a partial commit, and an ordinary commit
 * through the hooks costs one git call.
 */
describe('afterCommit', () => {
  let project: EnvProject;
  afterEach(() => project?.repo.cleanup());

  const countingContext = () => project.countingCtx();

  /** pre-commit as the hook runs it (it marks what it staged), then a commit with hooks off. */
  const commitThroughPreCommit = (plaintext: string) => {
    project.repo.write('.env', plaintext);
    const ctx = project.ctx();
    const result = preCommit(ctx, project.stateDir);
    expect(result.refusals).toEqual([]);
    markForPostCommit(ctx.repo, result.staged);
    project.repo.git('commit', '-q', '--no-verify', '-m', 'change A');
  };

  it('settles the pending state HEAD now holds, with one git call and nothing re-staged', () => {
    project = createEnvProject('A=1\n');
    commitThroughPreCommit('A=2\n');
    const { ctx, calls } = countingContext();
    expect(afterCommit(ctx)).toEqual({ restaged: [], settled: ['.env'] });
    expect(calls).toEqual(['cat-file --batch']);
    expect(readSyncState(project.stateDir, '.env')?.baseEncrypted).toBe(project.repo.git('show', 'HEAD:.env.encrypted'));
    expect(project.repo.git('status', '--porcelain')).toBe('');
  });

  it('costs no git call when no commit left anything behind', () => {
    project = createEnvProject('A=1\n');
    const { ctx, calls } = countingContext();
    expect(afterCommit(ctx)).toEqual({ restaged: [], settled: [] });
    expect(calls).toEqual([]);
  });

  it('puts the real index back in line with HEAD when it still holds the old encrypted file (git commit <path>)', () => {
    project = createEnvProject('A=1\n');
    const before = project.repo.git('rev-parse', 'HEAD:.env.encrypted').trim();
    commitThroughPreCommit('A=2\n');
    // What git leaves after a partial commit: the real index keeps the encrypted file as it was.
    project.repo.git('update-index', '--cacheinfo', `100644,${before},.env.encrypted`);
    markForPostCommit(project.ctx().repo, ['.env.encrypted']);
    const { ctx } = countingContext();
    expect(afterCommit(ctx).restaged).toEqual(['.env.encrypted']);
    expect(project.repo.git('status', '--porcelain')).toBe('');
  });

  it('leaves the index alone when the working tree does not hold what HEAD does', () => {
    project = createEnvProject('A=1\n');
    const before = project.repo.git('rev-parse', 'HEAD:.env.encrypted').trim();
    commitThroughPreCommit('A=2\n');
    project.repo.git('update-index', '--cacheinfo', `100644,${before},.env.encrypted`);
    project.repo.write('.env.encrypted', `${project.repo.read('.env.encrypted')}\n`);
    markForPostCommit(project.ctx().repo, ['.env.encrypted']);
    expect(afterCommit(countingContext().ctx).restaged).toEqual([]);
    expect(project.repo.git('rev-parse', ':.env.encrypted').trim()).toBe(before);
  });

  it('drops a pending state the commit left out, keeping the last committed one', () => {
    project = createEnvProject('A=1\n');
    const synced = readSyncState(project.stateDir, '.env');
    project.repo.write('.env', 'A=2\n');
    preCommit(project.ctx(), project.stateDir);
    // The env change is unstaged again and another file committed.
    project.repo.git('reset', '-q', '--', '.env.encrypted');
    project.repo.write('other.txt', 'x\n');
    project.repo.git('add', 'other.txt');
    project.repo.git('commit', '-q', '--no-verify', '-m', 'other');
    expect(afterCommit(countingContext().ctx).settled).toEqual([]);
    expect(readSyncState(project.stateDir, '.env')).toEqual(synced);
    expect(existsSync(path.join(project.stateDir, '.env.pending.json'))).toBe(false);
  });
});
