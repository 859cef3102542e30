import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/core/dotenv/parse.js';
import { encryptDocument, parseEncryptedFile } from '../../src/core/encrypted-file.js';
import { writeSyncState } from '../../src/io/sync-state.js';
import { preCommit } from '../../src/ops/pre-commit/pre-commit.js';
import type { StagedChange } from '../../src/io/staged-change.js';
import { createEnvProject, type EnvProject } from '../helpers/env-project.js';

/**
 * What pre-commit asks git (issue 14: every spawn is a noticeable part of a commit): on an
 * ordinary commit it stages and diffs once, and HEAD's copy of the file it stages is the one the
 * index held before, so the token-replay check needs no `git show HEAD:`. Where the index held
 * something else, it still asks, and still refuses a replay.
 */
describe('preCommit git calls', () => {
  let project: EnvProject;
  afterEach(() => project?.repo.cleanup());
  const now = () => Math.floor(Date.now() / 1000);
  const diffCall = '-c core.quotepath=off diff --cached --raw -z --no-abbrev -U0 --no-color --no-ext-diff --src-prefix=a/ --dst-prefix=b/ --diff-filter=d --no-textconv';

  it('stages and diffs once on a commit that changes one variable beside other files', () => {
    project = createEnvProject('A=a1\nB=b1\n');
    project.repo.write('src/app.ts', 'export const x = 1;\n');
    project.repo.git('add', 'src/app.ts');
    project.repo.write('.env', 'A=a1\nB=b2\n');
    const { ctx, calls } = project.countingCtx();
    // As the hook passes it: the staged copy is then confirmed from the index file, with no `git show`.
    const indexFile = path.join(project.repo.dir, '.git', 'index');
    let change: StagedChange | undefined;
    const result = preCommit(ctx, project.stateDir, { indexFile, onStagedChange: (staged) => (change = staged) });
    expect(result).toMatchObject({ staged: ['.env.encrypted'], refusals: [], warnings: [], paths: ['src/app.ts', '.env.encrypted'] });
    expect(calls).toEqual(['update-index --add -- .env.encrypted', diffCall]);
    // The change is the commit as git will make it: the hook's own staging included.
    expect(change?.entries.map((entry) => `${entry.status} ${entry.path}`)).toEqual(['M .env.encrypted', 'A src/app.ts']);
  });

  it('refuses a token older than HEAD\'s in the file it stages, read from what the index held (a clock behind HEAD\'s)', () => {
    project = createEnvProject('A=a1\nB=b1\n');
    // HEAD's tokens come from a machine whose clock ran an hour ahead.
    const ahead = encryptDocument(parseDotenv('A=a1\nB=b1\n'), project.key, { now: now() + 3600, random: randomBytes });
    project.repo.write('.env.encrypted', ahead);
    project.repo.git('commit', '-qam', 'from a clock ahead');
    writeSyncState(project.stateDir, '.env', 'A=a1\nB=b1\n', ahead);
    project.repo.write('.env', 'A=a1\nB=b2\n');
    const { ctx, calls } = project.countingCtx();
    const result = preCommit(ctx, project.stateDir, { indexFile: path.join(project.repo.dir, '.git', 'index') });
    expect(result.refusals.map((problem) => `${problem.code} ${problem.file}`)).toEqual(['TOKEN_REPLAY .env.encrypted']);
    expect(result.refusals[0]?.message).toMatch(/the token of B .* is older than the one in HEAD/);
    expect(calls.some((call) => call.startsWith('show HEAD:'))).toBe(false);
  });

  it('asks git for HEAD\'s copy when the index held another one, and refuses the older token it carries', () => {
    project = createEnvProject('A=a1\nB=b1\n');
    const head = parseEncryptedFile(project.repo.read('.env.encrypted'), '.env.encrypted');
    // Staged by hand: A re-encrypted an hour back (the same value, an older token).
    const older = encryptDocument(parseDotenv('A=a1\nB=b1\n'), project.key, { now: now() - 3600, random: randomBytes });
    project.repo.write('.env.encrypted', older);
    project.repo.git('add', '.env.encrypted');
    project.repo.write('.env', 'A=a1\nB=b2\n');
    const { ctx, calls } = project.countingCtx();
    const result = preCommit(ctx, project.stateDir, { indexFile: path.join(project.repo.dir, '.git', 'index') });
    expect(head.format).toBe('values');
    expect(result.refusals.map((problem) => `${problem.code} ${problem.file}`)).toEqual(['TOKEN_REPLAY .env.encrypted']);
    expect(result.refusals[0]?.message).toMatch(/the token of A .* is older than the one in HEAD/);
    expect(calls).toContain('show HEAD:.env.encrypted');
  });
});
