import { randomBytes } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/core/dotenv/index.js';
import { encryptDocument } from '../../src/core/encrypted-file.js';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';
import { createRotationProject, decryptWithStore, type RotationProject } from '../helpers/rotation-project.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// A rotation killed after its new key was saved, then `git pull` of a teammate's change to the
// encrypted file: --resume and --rollback both refused, and the machine's current key (the new,
// unrecorded one) no longer opened the files. Every interrupted state needs a way out.
describe('a rotation interrupted before it touched the working tree, then a pull', () => {
  let project: RotationProject;
  let teammate: TempRepo;
  beforeAll(() => ensureBuilt());
  afterEach(() => {
    teammate?.cleanup();
    project?.repo.cleanup();
  });

  const envguard = (args: string[], extra: NodeJS.ProcessEnv = {}) => runCli(args, { cwd: project.repo.dir, env: { ...project.repo.env, ...extra }, bundle: 'test' });

  it.each(['key:1', 'prepare:1', 'journal:2', 'journal:3', 'replace:1'])('has a way out after a crash at %s and a pull, keeping the pulled change', (crashAt) => {
    project = createRotationProject({ files: 1, variables: 5, commit: true });
    const crashed = envguard(['rotate', '--force', '--reason', 'Q4'], { ENVGUARD_TEST_CRASH_AT: crashAt });
    expect(crashed.signal).toBe('SIGKILL');

    // A teammate (still on the old key) changes a value and pushes; this clone pulls it.
    teammate = createTempRepo({ init: false });
    teammate.git('clone', '-q', project.repo.dir, '.');
    const changed = 'VAR_0=changed-by-a-teammate\n';
    teammate.write('.env.encrypted', encryptDocument(parseDotenv(changed), project.key, { now: Math.floor(Date.now() / 1000), random: randomBytes }));
    teammate.git('commit', '-qam', 'teammate change');
    const pull = project.repo.gitRaw(['pull', '-q', '--no-rebase', teammate.dir, 'main']);

    const resume = envguard(['rotate', '--resume']);
    const way = resume.status === 0 ? resume : envguard(['rotate', '--rollback']);
    expect(resume.status === 0 || /--rollback/.test(resume.stderr), resume.stderr).toBe(true);
    expect(way.status, `${pull.stderr}\n${resume.stderr}\n${way.stderr}`).toBe(0);

    // The teammate's change is kept (re-encrypted by a resume, or as pulled after a rollback).
    if (pull.status === 0) expect(decryptWithStore(project, '.env.encrypted').plaintext).toBe(changed);
    const status = JSON.parse(envguard(['status', '--json']).stdout).environments[0];
    expect(status).toMatchObject({ ledgerValid: true, hasCurrentKey: true });
    expect(status.interruptedRotation).toBeUndefined();
    const verify = envguard(['verify']);
    expect(verify.status, verify.stderr + verify.stdout).toBe(0);
    const again = envguard(['rotate', '--force', '--reason', 'Q4 again']);
    expect(again.status, again.stderr).toBe(0);
  });
});
