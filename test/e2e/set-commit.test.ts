import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupProjects } from './helpers/project.js';
import { packageTemplates } from './helpers/package-template.js';
import { commit, committedPlaintext, expectQuiet, initializedProject, scenarioSecrets } from './helpers/scenario.js';

/** Issue 13 item 1: the commonest edit commits first time, through the real hooks. */
describe('envguard set / unset / edit, then a plain git commit', () => {
  beforeAll(() => void packageTemplates(), 240_000);
  afterAll(cleanupProjects);
  const { A, B, all } = scenarioSecrets();

  it('set NAME - (stdin) then `git commit -m` commits the change the first time', () => {
    const project = initializedProject({ DB_PASSWORD: A, PORT: '3000' });
    const set = project.envguard(['set', 'DB_PASSWORD', '-'], { input: `${B}\n` });
    expect(set.status, set.stderr).toBe(0);
    expectQuiet(set, all);
    expect(project.read('.env')).toBe(`DB_PASSWORD=${B}\nPORT=3000\n`);
    const committed = commit(project, ['-m', 'Change the password']);
    expect(committed.status, committed.stderr + committed.stdout).toBe(0);
    expect(committed.stderr).not.toContain('nothing to commit');
    expect(committedPlaintext(project, 'HEAD')).toBe(`DB_PASSWORD=${B}\nPORT=3000\n`);
    expect(project.git('status', '--porcelain')).toBe('');
  });

  it('unset and a value on argv commit the first time too, and get prints the raw value', () => {
    const project = initializedProject({ DB_PASSWORD: A, PORT: '3000' });
    expect(project.envguard(['set', 'LOG_LEVEL', 'debug']).status).toBe(0);
    expect(project.envguard(['unset', 'PORT']).status).toBe(0);
    expect(commit(project, ['-m', 'Tune']).status).toBe(0);
    expect(committedPlaintext(project, 'HEAD')).toBe(`DB_PASSWORD=${A}\nLOG_LEVEL=debug\n`);
    const got = project.envguard(['get', 'DB_PASSWORD']);
    expect(got.status).toBe(0);
    expect(got.stdout).toBe(`${A}\n`);
  });

  it('edit: the editor\'s change is committed the first time; an editor that fails changes nothing', () => {
    const project = initializedProject({ DB_PASSWORD: A, PORT: '3000' });
    const failing = project.envguard(['edit'], { env: { VISUAL: '', EDITOR: 'sh -c \'echo PORT=1 >> "$1"; exit 3\' editor' } });
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain('the editor exited with status 3; .env is unchanged');
    expect(project.read('.env')).toBe(`DB_PASSWORD=${A}\nPORT=3000\n`);
    expect(project.git('status', '--porcelain')).toBe('');
    const edited = project.envguard(['edit'], { env: { EDITOR: '', VISUAL: 'sed -i s/PORT=3000/PORT=4000/' } });
    expect(edited.status, edited.stderr).toBe(0);
    expect(commit(project, ['-m', 'Port']).status).toBe(0);
    expect(committedPlaintext(project, 'HEAD')).toBe(`DB_PASSWORD=${A}\nPORT=4000\n`);
  });

  it('a plain edit of .env still gets the "run again" hint, but not under --allow-empty', () => {
    const project = initializedProject({ DB_PASSWORD: A, PORT: '3000' });
    project.write('.env', `DB_PASSWORD=${A}\nPORT=5000\n`);
    const plain = commit(project, ['-m', 'Port']);
    expect(plain.stderr).toContain('run the same git commit again');
    project.write('.env', `DB_PASSWORD=${A}\nPORT=6000\n`);
    const empty = commit(project, ['--allow-empty', '-m', 'Port']);
    expect(empty.status, empty.stderr).toBe(0);
    expect(empty.stderr).not.toContain('run the same git commit again');
    expect(committedPlaintext(project, 'HEAD')).toBe(`DB_PASSWORD=${A}\nPORT=6000\n`);
  });
});
