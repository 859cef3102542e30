import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HEADER_NOTES } from '../../src/core/encrypted-file-types.js';
import { formatKey, generateKey } from '../../src/core/key.js';
import { preCommit } from '../../src/ops/pre-commit/pre-commit.js';
import { createEnvProject, type EnvProject } from '../helpers/env-project.js';

/**
 * The pre-commit use case in-process on a real repository: each refusal and each merge outcome
 * asserted by its code, so deleting a refusal or ignoring a conflict fails here.
 */
describe('preCommit', () => {
  let project: EnvProject;
  afterEach(() => project?.repo.cleanup());
  const run = () => preCommit(project.ctx(), project.stateDir);
  const brief = (result: ReturnType<typeof run>) => result.refusals.map((problem) => `${problem.code} ${problem.file}`);

  it('encrypts and stages a changed .env, and changes nothing when .env is as last synced', () => {
    project = createEnvProject('A=1\nB=1\n');
    expect(run()).toMatchObject({ staged: [], refusals: [] });
    project.repo.write('.env', 'A=2\nB=1\n');
    const result = run();
    expect(result).toMatchObject({ staged: ['.env.encrypted'], refusals: [] });
    expect(project.repo.git('diff', '--cached', '--name-only').trim()).toBe('.env.encrypted');
  });

  it('refuses a .env that still has merge conflict markers, staging nothing', () => {
    project = createEnvProject('A=1\n');
    project.repo.write('.env', '<<<<<<< HEAD\nA=2\n=======\nA=3\n>>>>>>> other\n');
    const result = run();
    expect(brief(result)).toEqual(['CONFLICT .env']);
    expect(result.refusals[0]?.message).toContain('merge conflict markers');
    expect(result.staged).toEqual([]);
  });

  it('refuses while an .env.incoming waits to be merged', () => {
    project = createEnvProject('A=1\n');
    project.repo.write('.env', 'A=2\n');
    project.repo.write('.env.incoming', 'A=3\n');
    expect(brief(run())).toEqual(['CONFLICT .env']);
  });

  it('refuses a staged encrypted file that holds the key itself', () => {
    project = createEnvProject('A=1\n');
    // Format v1 kept comments in clear (still read): the one place the key could be pasted and still parse.
    project.repo.write('.env.encrypted', `${project.repo.read('.env.encrypted').replace(/^# envguard:v2 (key=[0-9a-f]{16}) .*\n/, (_line, key: string) => `# envguard:v1 ${key} ${HEADER_NOTES[1]}\n`)}# ${formatKey(project.key)}\n`);
    project.repo.git('add', '.env.encrypted');
    const result = run();
    expect(brief(result), JSON.stringify(result.refusals)).toEqual(['SECRET_FOUND .env.encrypted']);
    expect(result.refusals[0]?.message).toBe('the key itself is in the encrypted file');
    expect(JSON.stringify(result)).not.toContain(formatKey(project.key));
  });

  it('refuses staged plaintext env files and key files', () => {
    project = createEnvProject('A=1\n');
    project.repo.write('config/.env.local', 'X=1\n');
    project.repo.write('deploy/app.fernet.key', 'k\n');
    project.repo.git('add', '-f', 'config/.env.local', 'deploy/app.fernet.key');
    expect(brief(run()).sort()).toEqual(['PLAINTEXT_STAGED config/.env.local', 'PLAINTEXT_STAGED deploy/app.fernet.key']);
  });

  it('merges a change git brought into the encrypted file with the developer\'s edit of another variable', () => {
    project = createEnvProject('A=1\nB=1\n');
    project.repo.write('.env.encrypted', project.encrypt('A=1\nB=2\n'));
    project.repo.git('add', '.env.encrypted');
    project.repo.write('.env', 'A=3\nB=1\n');
    const result = run();
    expect(result.refusals).toEqual([]);
    expect(result.staged).toEqual(['.env.encrypted']);
    expect(project.repo.read('.env')).toBe('A=3\nB=2\n');
    expect(result.warnings.join('\n')).toContain('merged those changes');
  });

  it('refuses when git brought a change to the same variable the developer edited, keeping both', () => {
    project = createEnvProject('A=1\nB=1\n');
    project.repo.write('.env.encrypted', project.encrypt('A=2\nB=1\n'));
    project.repo.git('add', '.env.encrypted');
    project.repo.write('.env', 'A=3\nB=1\n');
    const result = run();
    expect(brief(result)).toEqual(['CONFLICT .env']);
    expect(result.refusals[0]?.message).toContain('both change A');
    expect(result.staged).toEqual([]);
    expect(project.repo.read('.env')).toBe('A=3\nB=1\n');
    expect(project.repo.read('.env.incoming')).toBe('A=2\nB=1\n');
  });

  it('refuses a .env that does not parse instead of encrypting it', () => {
    project = createEnvProject('A=1\n');
    project.repo.write('.env', 'A="unterminated\n');
    expect(brief(run())).toEqual(['PARSE_ERROR .env']);
  });

  it('says to commit again when .env alone changed, unless the commit allows empty or stages more', () => {
    const notice = (options: Parameters<typeof preCommit>[2] = {}, stageMore = false) => {
      project?.repo.cleanup();
      project = createEnvProject('A=1\n');
      project.repo.write('.env', 'A=2\n');
      if (stageMore) {
        project.repo.write('README.md', 'x\n');
        project.repo.git('add', 'README.md');
      }
      const result = preCommit(project.ctx(), project.stateDir, options);
      expect(result.staged).toEqual(['.env.encrypted']);
      return result.warnings.join('\n').includes('only .env.encrypted changed');
    };
    expect(notice()).toBe(true);
    expect(notice({ allowsEmpty: () => true })).toBe(false);
    expect(notice({}, true)).toBe(false);
  });

  it('refuses a changed .env without a key, and under a key other than the staged file\'s, staging nothing', () => {
    project = createEnvProject('A=1\n');
    project.repo.write('.env', 'A=2\n');
    const none = preCommit(project.ctx({ ENVGUARD_KEY: '' }), project.stateDir);
    expect(brief(none)).toEqual(['KEY_MISSING .env']);
    const other = preCommit(project.ctx({ ENVGUARD_KEY: formatKey(generateKey(randomBytes)) }), project.stateDir);
    expect(brief(other)).toEqual(['KEY_MISMATCH .env.encrypted']);
    expect(other.staged).toEqual([]);
    expect(project.repo.git('diff', '--cached', '--name-only').trim()).toBe('');
  });

  it('refuses a staged encrypted file that does not decrypt, or has conflict markers and no .env to resolve them in', () => {
    project = createEnvProject('A=1\n');
    const text = project.repo.read('.env.encrypted');
    project.repo.write('.env.encrypted', text.replace(/=fernet:(.{20})/, (_all, head: string) => `=fernet:${head.slice(0, -2)}${head.endsWith('AA') ? 'BB' : 'AA'}`));
    project.repo.git('add', '.env.encrypted');
    expect(brief(run())).toEqual(['DECRYPT_FAILED .env.encrypted']);
    project.repo.write('.env.encrypted', `<<<<<<< HEAD\n${text}=======\n${text}>>>>>>> other\n`);
    project.repo.git('add', '.env.encrypted');
    rmSync(path.join(project.repo.dir, '.env'));
    expect(brief(run()).map((line) => line.split(' ')[1])).toEqual(['.env.encrypted']);
    expect(run().refusals).toHaveLength(1);
  });
});
