import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupProjects, committedLeaks } from './helpers/project.js';
import { packageTemplates } from './helpers/package-template.js';
import { commit, committedPlaintext, envText, expectQuiet, initializedProject, secret, scenarioSecrets } from './helpers/scenario.js';

/**
 * pre-commit through real `git commit` runs with plain git hooks: the committed encrypted file is
 * always current and never plaintext, whatever form the commit takes.
 */
describe('pre-commit: encrypting and staging on real commits', () => {
  beforeAll(() => void packageTemplates(), 240_000);
  afterAll(cleanupProjects);

  const { A, B, A2, all } = scenarioSecrets();

  it('a commit whose only change is .env stops once with "nothing to commit"; the rerun commits the encrypted file', () => {
    const p = initializedProject({ A, B });
    p.write('.env', envText({ A: A2, B }));
    const first = commit(p, ['-m', 'rotate A']);
    expect(first.status).toBe(1);
    expect(first.stdout + first.stderr).toMatch(/nothing to commit/);
    expect(first.stderr).toMatch(/run the same git commit again/);
    expect(p.git('diff', '--cached', '--name-only')).toBe('.env.encrypted\n');

    const second = commit(p, ['-m', 'rotate A']);
    expect(second.status, second.stderr).toBe(0);
    expect(committedPlaintext(p, 'HEAD')).toBe(envText({ A: A2, B }));
    expect(p.git('show', '--name-only', '--format=', 'HEAD')).toBe('.env.encrypted\n');
    // One variable changed: one line of the encrypted file changed (token reuse).
    expect(p.git('diff', '--no-textconv', '--numstat', 'HEAD~1', 'HEAD')).toMatch(/^1\t1\t\.env\.encrypted/);
    expect(p.git('status', '--porcelain')).toBe('');
    expectQuiet(first, all);
    expectQuiet(second, all);
    expect(committedLeaks(p, all)).toEqual([]);
  });

  it('git commit --allow-empty commits a .env-only change in one go (git skips its emptiness check)', () => {
    const p = initializedProject({ A, B });
    p.write('.env', envText({ A: A2, B }));
    const result = commit(p, ['--allow-empty', '-m', 'rotate A']);
    expect(result.status, result.stderr).toBe(0);
    expect(committedPlaintext(p, 'HEAD')).toBe(envText({ A: A2, B }));
    expect(p.git('show', '--name-only', '--format=', 'HEAD')).toBe('.env.encrypted\n');
    expect(p.git('status', '--porcelain')).toBe('');
    expect(committedLeaks(p, all)).toEqual([]);
  });

  it('a commit with other staged changes takes the .env change along in one go', () => {
    const p = initializedProject({ A, B });
    p.write('.env', envText({ A: A2, B }));
    p.write('app.js', 'console.log(1);\n');
    p.git('add', 'app.js');
    const result = commit(p, ['-m', 'app']);
    expect(result.status, result.stderr).toBe(0);
    expect(p.git('show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual(['', '.env.encrypted', 'app.js']);
    expect(committedPlaintext(p, 'HEAD')).toBe(envText({ A: A2, B }));
    expect(p.git('status', '--porcelain')).toBe('');
    expectQuiet(result, all);
    expect(committedLeaks(p, all)).toEqual([]);
  });

  it('git commit -a: git rolls back its index.lock on "nothing to commit", the rerun still commits', () => {
    const p = initializedProject({ A, B });
    p.write('.env', envText({ A: A2, B }));
    const first = commit(p, ['-a', '-m', 'rotate A']);
    expect(first.status).toBe(1);
    const second = commit(p, ['-a', '-m', 'rotate A']);
    expect(second.status, second.stderr).toBe(0);
    expect(committedPlaintext(p, 'HEAD')).toBe(envText({ A: A2, B }));
    expect(p.git('status', '--porcelain')).toBe('');

    p.write('.env', envText({ A, B }));
    p.write('README.md', '# app, edited\n');
    const withOther = commit(p, ['-a', '-m', 'both']);
    expect(withOther.status, withOther.stderr).toBe(0);
    expect(committedPlaintext(p, 'HEAD')).toBe(envText({ A, B }));
    expect(p.git('status', '--porcelain')).toBe('');
    expect(committedLeaks(p, all)).toEqual([]);
  });

  it('a partial commit (git commit <path>) commits the encrypted file from git’s temporary index and leaves the real index clean', () => {
    const p = initializedProject({ A, B });
    p.write('.env', envText({ A: A2, B }));
    p.write('README.md', '# app, edited\n');
    p.write('other.txt', 'not part of this commit\n');
    p.git('add', 'other.txt');
    const result = commit(p, ['-m', 'readme only', '--', 'README.md']);
    expect(result.status, result.stderr).toBe(0);
    expect(p.git('show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual(['', '.env.encrypted', 'README.md']);
    expect(committedPlaintext(p, 'HEAD')).toBe(envText({ A: A2, B }));
    // other.txt stays staged, and the encrypted file does not look reverted in the real index.
    expect(p.git('status', '--porcelain')).toBe('A  other.txt\n');
    expect(committedLeaks(p, all)).toEqual([]);
  });

  it('git commit --amend folds the current .env into the amended commit', () => {
    const p = initializedProject({ A, B });
    p.write('app.js', 'console.log(1);\n');
    p.git('add', 'app.js');
    expect(commit(p, ['-m', 'app']).status).toBe(0);
    p.write('.env', envText({ A: A2, B }));
    const amend = commit(p, ['--amend', '--no-edit']);
    expect(amend.status, amend.stderr).toBe(0);
    expect(committedPlaintext(p, 'HEAD')).toBe(envText({ A: A2, B }));
    expect(p.git('log', '--format=%s', '-2')).toBe('app\nAdd envguard\n');
    expect(p.git('status', '--porcelain')).toBe('');
    expect(committedLeaks(p, all)).toEqual([]);
  });

  it('git stash leaves .env alone (it is ignored) and stashes no plaintext', () => {
    const p = initializedProject({ A, B });
    p.write('.env', envText({ A: A2, B }));
    p.write('README.md', '# app, work in progress\n');
    p.git('stash');
    expect(p.read('.env')).toBe(envText({ A: A2, B }));
    expect(p.read('README.md')).toBe('# app\n');
    expect(committedLeaks(p, all)).toEqual([]);
    p.git('stash', 'pop');
    expect(p.read('README.md')).toBe('# app, work in progress\n');
    expect(p.read('.env')).toBe(envText({ A: A2, B }));
  });

  it('a .env change in a new environment file (.env.production) is encrypted under its own key', () => {
    const P = secret('prod');
    const p = initializedProject({ A, B }, { before: (project) => project.write('.env.production', envText({ P })) });
    expect(p.exists('.env.production.encrypted')).toBe(true);
    const P2 = secret('prod2');
    p.write('.env.production', envText({ P: P2 }));
    commit(p, ['-m', 'prod']);
    expect(commit(p, ['-m', 'prod']).status).toBe(0);
    expect(committedPlaintext(p, 'HEAD', '.env.production.encrypted')).toBe(envText({ P: P2 }));
    expect(p.read('.env.production.encrypted').split('\n')[0]).not.toBe(p.read('.env.encrypted').split('\n')[0]);
    expect(committedLeaks(p, [...all, P, P2])).toEqual([]);
  });
});
