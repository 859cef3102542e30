import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrigin, cleanupProjects, committedLeaks } from './helpers/project.js';
import { packageTemplates } from './helpers/package-template.js';
import { commit, expectQuiet, initializedProject, scenarioSecrets } from './helpers/scenario.js';

/** Enforcement beyond pre-commit, through the installed hooks of the packed package. */
describe('pre-push catches what pre-commit never saw', () => {
  beforeAll(() => void packageTemplates(), 240_000);
  afterAll(cleanupProjects);
  const { A, B, all } = scenarioSecrets();

  it('refuses a push of a secret committed by `git rebase --continue` (which runs no pre-commit), naming the commit', () => {
    const p = initializedProject({ A, B });
    const origin = addOrigin(p);
    p.write('app.js', 'const greeting = "hello";\n');
    p.git('add', 'app.js');
    expect(commit(p, ['-q', '-m', 'app']).status).toBe(0);
    p.git('push', '-q', 'origin', 'HEAD');
    p.git('checkout', '-q', '-b', 'feature');
    p.write('app.js', 'const greeting = "hi";\n');
    p.git('add', 'app.js');
    expect(commit(p, ['-q', '-m', 'feature greeting']).status).toBe(0);
    p.git('checkout', '-q', 'main');
    p.write('app.js', 'const greeting = "hey";\n');
    p.git('add', 'app.js');
    expect(commit(p, ['-q', '-m', 'main greeting']).status).toBe(0);
    p.git('checkout', '-q', 'feature');
    expect(p.gitRaw(['rebase', 'main']).status).not.toBe(0);
    // The conflict is resolved by pasting the project's secret; the commit is made by rebase itself.
    p.write('app.js', `const greeting = "hey";\nconst password = "${A}";\n`);
    p.git('add', 'app.js');
    const resumed = p.gitRaw(['rebase', '--continue'], { GIT_EDITOR: 'true' });
    expect(resumed.status, resumed.stderr).toBe(0);
    const leaked = p.git('rev-parse', 'HEAD').trim();
    expect(p.git('show', 'HEAD:app.js')).toContain(A);

    const push = p.gitRaw(['push', 'origin', 'feature']);
    expect(push.status).toBe(1);
    expect(push.stderr).toMatch(new RegExp(`app\\.js:2:\\d+ known-value +Value of A from \\.env \\(commit ${leaked.slice(0, 12)}\\)`));
    expect(push.stderr).toContain(`git rebase -i ${leaked.slice(0, 12)}^`);
    expectQuiet(push, all);
    expect(p.gitRaw(['--git-dir', origin, 'rev-parse', '--verify', '-q', 'refs/heads/feature']).status).not.toBe(0);
  });

  it('gives the pushed refs to a pre-push hook that was there before envguard, and still reads them itself', () => {
    const p = initializedProject({ A, B }, {
      before: (project) => {
        mkdirSync(path.join(project.dir, '.git', 'hooks'), { recursive: true });
        project.write('.git/hooks/pre-push', '#!/bin/sh\ncat > .git/chained-pre-push-input\n');
        chmodSync(path.join(project.dir, '.git', 'hooks', 'pre-push'), 0o755);
      },
    });
    const origin = path.join(p.root, 'origin.git');
    p.git('init', '-q', '--bare', origin);
    p.git('remote', 'add', 'origin', origin);
    expect(p.gitRaw(['push', '-q', 'origin', 'HEAD']).status).toBe(0);
    expect(p.read('.git/chained-pre-push-input')).toMatch(/^HEAD [0-9a-f]{40} refs\/heads\/main 0{40}\n$/);
    p.write('leak.txt', `${A}\n`);
    p.git('add', 'leak.txt');
    expect(commit(p, ['-q', '--no-verify', '-m', 'leak']).status).toBe(0);
    const refused = p.gitRaw(['push', 'origin', 'HEAD']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/leak\.txt:1:1 known-value +Value of A from \.env/);
    expectQuiet(refused, all);
  });

  it('refuses an envguard key put into .env itself, with the fix, and commits nothing', () => {
    const p = initializedProject({ A, B });
    const head = p.git('rev-parse', 'HEAD');
    const key = p.envguard(['key', 'export']).stdout.trim();
    p.write('.env', `A=${A}\nB=${B}\nENVGUARD_KEY=${key}\n`);
    p.write('app.js', '1\n');
    p.git('add', 'app.js');
    const result = commit(p, ['-m', 'key in env']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('.env: ENVGUARD_KEY holds an envguard key or identity: the key cannot live in the file it encrypts');
    expect(result.stderr).toContain('fix: delete the ENVGUARD_KEY=… line from .env');
    expect(result.stderr).not.toContain(key);
    expectQuiet(result, all);
    expect(p.git('rev-parse', 'HEAD')).toBe(head);
    expect(committedLeaks(p, [...all, key])).toEqual([]);
  });
});
