import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupProjects, committedLeaks } from './helpers/project.js';
import { packageTemplates } from './helpers/package-template.js';
import { commit, commitEnv, envText, expectQuiet, initializedProject, secret } from './helpers/scenario.js';

/**
 * post-checkout, post-merge and post-rewrite keep `.env` in line with the encrypted file git
 * checked out, without ever losing a local edit or writing ciphertext into `.env`.
 */
describe('checkout, merge, rebase, worktree: .env follows the branch', () => {
  beforeAll(() => void packageTemplates(), 240_000);
  afterAll(cleanupProjects);

  const A = secret('alpha');
  const B = secret('bravo');
  const C = secret('charlie');
  const A2 = secret('alpha2');
  const B2 = secret('bravo2');
  const L = secret('local');
  const all = [A, B, C, A2, B2, L];

  it('git checkout -b and git switch decrypt the branch’s values', () => {
    const p = initializedProject({ A, B });
    expect(p.gitRaw(['checkout', '-b', 'feature']).status).toBe(0);
    expect(p.read('.env')).toBe(envText({ A, B }));
    commitEnv(p, { A: A2, B }, 'A2 on feature');
    const toMain = p.gitRaw(['switch', 'main']);
    expect(toMain.status).toBe(0);
    expect(toMain.stderr).toMatch(/decrypted \.env/);
    expect(p.read('.env')).toBe(envText({ A, B }));
    p.git('switch', 'feature');
    expect(p.read('.env')).toBe(envText({ A: A2, B }));
    expectQuiet(toMain, all);
    expect(committedLeaks(p, all)).toEqual([]);
  });

  it('a local edit survives a branch switch (merged per variable), and a colliding one is kept with .env.incoming beside it', () => {
    const p = initializedProject({ A, B, C });
    p.git('switch', '-c', 'feature');
    commitEnv(p, { A: A2, B, C }, 'A2');
    p.git('switch', 'main');

    p.write('.env', envText({ A, B, C: L }));
    const merged = p.gitRaw(['switch', 'feature']);
    expect(merged.status).toBe(0);
    expect(merged.stderr).toMatch(/keeping your local edits to C/);
    expect(p.read('.env')).toBe(envText({ A: A2, B, C: L }));

    // Back on main, the local edit to C is still there; now edit A, which the branch also changed.
    p.git('switch', 'main');
    expect(p.read('.env')).toBe(envText({ A, B, C: L }));
    p.write('.env', envText({ A: B2, B, C: L }));
    const collided = p.gitRaw(['switch', 'feature']);
    expect(collided.status).toBe(0);
    expect(collided.stderr).toMatch(/both touch A/);
    expect(p.read('.env')).toBe(envText({ A: B2, B, C: L }));
    expect(p.read('.env.incoming')).toBe(envText({ A: A2, B, C }));
    expect(p.git('status', '--porcelain')).toBe('');
    expectQuiet(merged, all);
    expectQuiet(collided, all);

    // Committing before merging .env.incoming would drop the branch's change: refused.
    p.write('x.txt', '1\n');
    p.git('add', 'x.txt');
    const refused = commit(p, ['-m', 'too early']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/\.env\.incoming is waiting to be merged/);
  });

  it('git merge of branches that change different variables merges through the driver, with no conflict', () => {
    const p = initializedProject({ A, B });
    p.git('switch', '-c', 'feature');
    commitEnv(p, { A: A2, B }, 'A2');
    p.git('switch', 'main');
    commitEnv(p, { A, B: B2 }, 'B2');
    const merge = p.gitRaw(['merge', '--no-edit', 'feature']);
    expect(merge.status, merge.stderr).toBe(0);
    expect(merge.stdout + merge.stderr).not.toMatch(/CONFLICT/);
    expect(p.read('.env')).toBe(envText({ A: A2, B: B2 }));
    expect(p.git('cat-file', '--textconv', 'HEAD:.env.encrypted')).toBe(envText({ A: A2, B: B2 }));
    expectQuiet(merge, all);
    expect(committedLeaks(p, all)).toEqual([]);
  });

  it('the same variable changed on both branches is a conflict that names it, keeps values out of tracked files, and resolves from .env', () => {
    const p = initializedProject({ A, B, C });
    p.git('switch', '-c', 'feature');
    commitEnv(p, { A: A2, B, C }, 'A2');
    p.git('switch', 'main');
    commitEnv(p, { A: B2, B, C: L }, 'A=B2, C=L');
    const merge = p.gitRaw(['merge', '--no-edit', 'feature']);
    expect(merge.status).toBe(1);
    expect(merge.stderr).toMatch(/both sides changed A\b/);
    expectQuiet(merge, all);

    const tracked = p.read('.env.encrypted');
    expect(tracked).toMatch(/^<{7} ours\nA=fernet:/m);
    for (const value of all) expect(tracked).not.toContain(value);
    const diff = p.git('diff', '--no-textconv');
    for (const value of all) expect(diff).not.toContain(value);
    // The decrypted conflict view is in the ignored .env; C (changed on main only) is merged.
    const view = p.read('.env');
    expect(view).toContain(`<<<<<<< ours\nA=${B2}\n=======\nA=${A2}\n>>>>>>> theirs\n`);
    expect(view).toContain(`C=${L}\n`);
    expect(p.git('status', '--porcelain', '--ignored', '.env')).toBe('!! .env\n');

    p.write('.env', envText({ A: A2, B, C: L }));
    p.git('add', '.env.encrypted');
    const done = commit(p, ['--no-edit']);
    expect(done.status, done.stderr).toBe(0);
    expect(p.git('cat-file', '--textconv', 'HEAD:.env.encrypted')).toBe(envText({ A: A2, B, C: L }));
    expect(p.git('status', '--porcelain')).toBe('');
    expect(committedLeaks(p, all)).toEqual([]);
  });

  it('git rebase replays .env changes through the driver and post-rewrite leaves .env right', () => {
    const p = initializedProject({ A, B });
    p.git('switch', '-c', 'feature');
    commitEnv(p, { A: A2, B }, 'A2');
    p.git('switch', 'main');
    commitEnv(p, { A, B: B2 }, 'B2');
    p.git('switch', 'feature');
    const rebase = p.gitRaw(['rebase', 'main']);
    expect(rebase.status, rebase.stderr).toBe(0);
    expect(p.read('.env')).toBe(envText({ A: A2, B: B2 }));
    expect(p.git('cat-file', '--textconv', 'HEAD:.env.encrypted')).toBe(envText({ A: A2, B: B2 }));
    expect(p.git('status', '--porcelain')).toBe('');
    expect(committedLeaks(p, all)).toEqual([]);
  });

  it('a conflict during git rebase resolves with envguard encrypt, git add and rebase --continue', () => {
    const p = initializedProject({ A, B });
    p.git('switch', '-c', 'feature');
    commitEnv(p, { A: A2, B }, 'A2');
    p.git('switch', 'main');
    commitEnv(p, { A: B2, B }, 'A=B2');
    p.git('switch', 'feature');
    const rebase = p.gitRaw(['rebase', 'main']);
    expect(rebase.status).not.toBe(0);
    expect(rebase.stderr).toMatch(/both sides changed A\b/);
    expectQuiet(rebase, all);
    p.write('.env', envText({ A: L, B }));
    expect(p.envguard(['encrypt']).status).toBe(0);
    p.git('add', '.env.encrypted');
    const resumed = p.gitRaw(['rebase', '--continue'], { GIT_EDITOR: 'true' });
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(p.git('cat-file', '--textconv', 'HEAD:.env.encrypted')).toBe(envText({ A: L, B }));
    expect(p.git('show', '--no-textconv', 'HEAD:.env.encrypted')).not.toMatch(/^(<{7}|>{7})/m);
    expect(p.read('.env')).toBe(envText({ A: L, B }));
    expect(committedLeaks(p, all)).toEqual([]);
  });

  it('git worktree add decrypts .env in the new worktree, whose commits are encrypted too', () => {
    const p = initializedProject({ A, B });
    p.git('branch', 'feature');
    const other = path.join(p.root, 'feature-wt');
    const add = p.gitRaw(['worktree', 'add', other, 'feature']);
    expect(add.status, add.stderr).toBe(0);
    const wt = { ...p, dir: other };
    expect(p.run('cat', ['.env'], { cwd: other }).stdout).toBe(envText({ A, B }));
    p.run('sh', ['-c', `printf 'A=${A2}\\nB=${B}\\n' > .env`], { cwd: other });
    p.run('sh', ['-c', 'echo 1 > x.txt && git add x.txt'], { cwd: other });
    const result = p.run('git', ['commit', '-m', 'in worktree'], { cwd: other });
    expect(result.status, result.stderr).toBe(0);
    expect(p.git('cat-file', '--textconv', 'feature:.env.encrypted')).toBe(envText({ A: A2, B }));
    expect(p.read('.env')).toBe(envText({ A, B }));
    void wt;
    expect(committedLeaks(p, all)).toEqual([]);
  });
});
