import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/core/dotenv/parse.js';
import { encryptDocument, parseEncryptedFile } from '../../src/core/encrypted-file.js';
import type { FernetKey } from '../../src/core/key.js';
import { defaultContext } from '../../src/ops/context.js';
import { preCommit } from '../../src/ops/pre-commit/pre-commit.js';
import { createRotationProject, type RotationProject } from '../helpers/rotation-project.js';

let project: RotationProject | undefined;
afterEach(() => {
  project?.repo.cleanup();
  project = undefined;
});

const NOW = Math.floor(Date.now() / 1000);
const encryptAt = (key: FernetKey, now: number, text: string, previous?: string) =>
  encryptDocument(parseDotenv(text), key, { now, random: randomBytes, previous: previous === undefined ? undefined : parseEncryptedFile(previous, '.env.encrypted') });
const lineOf = (text: string, name: string) => text.split('\n').find((line) => line.startsWith(`${name}=`))!;

// pre-commit tells a merge being concluded by the MERGE_HEAD file in the git dir (no git call):
// the merged side's own token, older than HEAD's, is then no replay.
describe('pre-commit replay check during a merge', () => {
  function stagedOlderToken() {
    project = createRotationProject({ files: 1, variables: 1 });
    const { repo, key } = project;
    const v1 = encryptAt(key, NOW - 1000, 'DB_PASSWORD=theirs-password\nAPI=1\n');
    repo.write('.env.encrypted', v1);
    repo.git('commit', '-qam', 'v1');
    const theirs = repo.git('rev-parse', 'HEAD').trim();
    const v2 = encryptAt(key, NOW, 'DB_PASSWORD=ours-password\nAPI=1\n', v1);
    repo.write('.env.encrypted', v2);
    repo.git('commit', '-qam', 'v2');
    repo.write('.env.encrypted', v2.replace(lineOf(v2, 'DB_PASSWORD'), lineOf(v1, 'DB_PASSWORD')));
    repo.git('add', '.env.encrypted');
    return { repo, theirs, run: () => preCommit(defaultContext({ cwd: repo.dir, env: repo.env }), mkdtempSync(path.join(os.tmpdir(), 'envguard-state-'))) };
  }

  it('takes the merged commit\'s token when MERGE_HEAD names it', () => {
    const { repo, theirs, run } = stagedOlderToken();
    writeFileSync(path.join(repo.dir, '.git', 'MERGE_HEAD'), `${theirs}\n`);
    expect(run().refusals).toEqual([]);
  });

  it('refuses the older token without a merge, or when MERGE_HEAD names no commit', () => {
    const { repo, run } = stagedOlderToken();
    expect(run().refusals).toMatchObject([{ file: '.env.encrypted', message: expect.stringContaining('older than the one in HEAD') }]);
    writeFileSync(path.join(repo.dir, '.git', 'MERGE_HEAD'), 'not a commit\n');
    expect(run().refusals).toMatchObject([{ file: '.env.encrypted', message: expect.stringContaining('older than the one in HEAD') }]);
  });
});
