import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupProjects, committedLeaks } from './helpers/project.js';
import { packageTemplates } from './helpers/package-template.js';
import { commit, envText, expectQuiet, initializedProject, secret } from './helpers/scenario.js';

// Uncommitted edits to comment and blank lines, and the order of lines, were dropped when a
// checkout merged per variable, while the hook said it kept the local edits.
describe('a checkout keeps local edits to comments, blank lines and order', () => {
  beforeAll(() => void packageTemplates(), 240_000);
  afterAll(cleanupProjects);

  const A = secret('alpha');
  const B = secret('bravo');
  const A2 = secret('alpha2');

  it('merges the branch’s new value into the locally reworded, reordered file', () => {
    const p = initializedProject({ A, B });
    p.git('switch', '-q', '-c', 'feature');
    p.write('.env', envText({ A: A2, B }));
    if (commit(p, ['-q', '-m', 'A2']).status !== 0) expect(commit(p, ['-q', '-m', 'A2']).status).toBe(0);
    p.git('switch', '-q', 'main');
    expect(p.read('.env')).toBe(envText({ A, B }));

    const [lineA, lineB] = envText({ A, B }).trimEnd().split('\n');
    p.write('.env', `# local note: B first\n${lineB}\n\n${lineA}\n`);
    const toFeature = p.gitRaw(['switch', 'feature']);
    expect(toFeature.status, toFeature.stderr).toBe(0);
    const [lineA2] = envText({ A: A2, B }).trimEnd().split('\n');
    expect(p.read('.env')).toBe(`# local note: B first\n${lineB}\n\n${lineA2}\n`);
    expectQuiet(toFeature, [A, B, A2]);
    expect(committedLeaks(p, [A, B, A2])).toEqual([]);
  });

  // After `git merge --abort`, .env kept the conflict view, and dotenv then loaded the other
  // branch's value (the last line of a name wins): the pre-merge .env comes back.
  it.each(['merge --abort', 'reset --hard'])('puts back the pre-merge .env after git %s of a conflicting merge', (abort) => {
    const B2 = secret('bravo2');
    const p = initializedProject({ A, B });
    p.git('switch', '-q', '-c', 'feature');
    p.write('.env', envText({ A: A2, B }));
    if (commit(p, ['-q', '-m', 'A2']).status !== 0) expect(commit(p, ['-q', '-m', 'A2']).status).toBe(0);
    p.git('switch', '-q', 'main');
    p.write('.env', envText({ A: B2, B }));
    if (commit(p, ['-q', '-m', 'B2']).status !== 0) expect(commit(p, ['-q', '-m', 'B2']).status).toBe(0);
    const before = p.read('.env');
    const merge = p.gitRaw(['merge', '--no-edit', 'feature']);
    expect(merge.status).toBe(1);
    expect(p.read('.env')).toContain('<<<<<<< ours');
    const aborted = p.gitRaw(abort.split(' '));
    expect(aborted.status, aborted.stderr).toBe(0);
    expect(p.read('.env')).toBe(before);
    expectQuiet(aborted, [A, B, A2, B2]);
  });
});
