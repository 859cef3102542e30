import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';
import { createRotationProject, decryptWithStore, type RotationProject } from '../helpers/rotation-project.js';

/**
 * A rotation keeps each file's old and new text as its own durable file in the work dir, so it
 * holds one file in memory at a time (it used to build one `old.json`/`new.json` of every file,
 * about 450 MB for 100 files of 4,000 variables). A rotation interrupted under that earlier
 * layout must still resume and roll back.
 */
let project: RotationProject;
beforeAll(() => ensureBuilt());
afterEach(() => project?.repo.cleanup());

const workDir = () => path.join(project.repo.dir, '.git', 'envguard', 'rotation-default');
const envguard = (args: string[], crashAt?: string) => runCli(args, { cwd: project.repo.dir, env: { ...project.repo.env, ...(crashAt ? { ENVGUARD_TEST_CRASH_AT: crashAt } : {}) }, bundle: 'test' });

function expectEveryValueReadable(): void {
  for (const [file, plaintext] of project.plaintexts) expect(decryptWithStore(project, file).plaintext, file).toBe(plaintext);
}

/** Rewrites the work dir's per-file copies into the one-JSON-per-phase layout of earlier versions. */
function toEarlierLayout(files: number): void {
  for (const which of ['old', 'new']) {
    const texts = Array.from({ length: files }, (_, index) => readFileSync(path.join(workDir(), `${which}-${index}.txt`), 'utf8'));
    writeFileSync(path.join(workDir(), `${which}.json`), JSON.stringify(texts));
    for (let index = 0; index < files; index++) rmSync(path.join(workDir(), `${which}-${index}.txt`));
  }
}

describe('rotation work copies', () => {
  it('are written file by file as the rotation prepares them, never as one file of all texts', () => {
    project = createRotationProject({ files: 3, variables: 5 });
    expect(envguard(['rotate', '--force'], 'prepare:2').signal).toBe('SIGKILL');
    expect(readdirSync(workDir()).sort()).toEqual(['ledger.before.json', 'new-0.txt', 'new-1.txt', 'old-0.txt', 'old-1.txt']);
    const resumed = envguard(['rotate', '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expectEveryValueReadable();
  });

  it.each(['resume', 'rollback'])('of a rotation interrupted under the earlier one-JSON layout still %s', (mode) => {
    project = createRotationProject({ files: 3, variables: 5 });
    // Killed after the first file was replaced: a resume needs the new texts, a rollback the old one.
    expect(envguard(['rotate', '--force'], 'replace:1').signal).toBe('SIGKILL');
    toEarlierLayout(3);
    const result = envguard(['rotate', `--${mode}`]);
    expect(result.status, result.stderr).toBe(0);
    expectEveryValueReadable();
    expect(existsSync(workDir())).toBe(false);
    const verify = envguard(['verify']);
    expect(verify.status, verify.stderr + verify.stdout).toBe(0);
  });
});
