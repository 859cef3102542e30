import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendRotation, type Ledger } from '../../src/core/ledger/index.js';
import { parseKey } from '../../src/core/key.js';
import { addOrigin, cleanupProjects, cloneProject, committedLeaks, type Project } from './helpers/project.js';
import { packageTemplates } from './helpers/package-template.js';
import { commit, envText, expectQuiet, initializedProject, secret } from './helpers/scenario.js';

/** Commits a .env change the way a developer would: edit, commit (rerun if git stops at "nothing to commit"). */
function commitEnv(p: Project, vars: Record<string, string>, message: string): void {
  p.write('.env', envText(vars));
  if (commit(p, ['-q', '-m', message]).status !== 0) {
    const again = commit(p, ['-q', '-m', message]);
    expect(again.status, again.stderr).toBe(0);
  }
}

function shareKey(from: Project, to: Project): void {
  const exported = from.envguard(['key', 'export']);
  expect(exported.status, exported.stderr).toBe(0);
  const imported = to.envguard(['key', 'import'], { input: exported.stdout });
  expect(imported.status, imported.stderr).toBe(0);
}

/**
 * post-checkout, post-merge and post-rewrite keep `.env` in line with the encrypted file git
 * checked out, without ever losing a local edit or writing ciphertext into `.env`.
 */
describe('checkout, merge, rebase, pull: .env follows the branch', () => {
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

  it('a teammate: clone, key import decrypts .env, pull brings changes and keeps a local edit', () => {
    const a = initializedProject({ A, B, C });
    const origin = addOrigin(a);
    const b = cloneProject(origin);
    // Setting up before the key arrives works, and says how to get the key.
    const early = b.envguard(['init']);
    expect(early.status, early.stderr).toBe(0);
    expect(early.stderr).toMatch(/is not on this machine yet; you need a teammate who has it to grant you access/);
    expect(early.stdout).toMatch(/^npx envguard access grant age1[0-9a-z]+ --name /m);
    expect(b.exists('.env')).toBe(false);
    shareKey(a, b);
    expect(b.read('.env')).toBe(envText({ A, B, C }));
    const init = b.envguard(['init']);
    expect(init.status, init.stderr).toBe(0);
    expect(b.git('status', '--porcelain')).toBe('');

    commitEnv(a, { A: A2, B, C }, 'A2');
    a.git('push', '-q');
    b.write('.env', envText({ A, B, C: L }));
    const pull = b.gitRaw(['pull', '--no-rebase', '-q']);
    expect(pull.status, pull.stderr).toBe(0);
    expect(b.read('.env')).toBe(envText({ A: A2, B, C: L }));
    expectQuiet(pull, all);

    // b's local edit is now b's change to commit, on top of a's.
    b.write('x.txt', '1\n');
    b.git('add', 'x.txt');
    expect(commit(b, ['-q', '-m', 'C local']).status).toBe(0);
    expect(b.git('cat-file', '--textconv', 'HEAD:.env.encrypted')).toBe(envText({ A: A2, B, C: L }));
    expect(committedLeaks(b, all)).toEqual([]);
  });

  it('git pull --rebase replays a local .env commit on top of a teammate’s, merging per variable', () => {
    const a = initializedProject({ A, B });
    const origin = addOrigin(a);
    const b = cloneProject(origin);
    shareKey(a, b);
    expect(b.envguard(['init']).status).toBe(0);
    commitEnv(a, { A: A2, B }, 'A2');
    a.git('push', '-q');
    commitEnv(b, { A, B: B2 }, 'B2');
    const pull = b.gitRaw(['pull', '--rebase', '-q']);
    expect(pull.status, pull.stderr).toBe(0);
    expect(b.read('.env')).toBe(envText({ A: A2, B: B2 }));
    expect(b.git('cat-file', '--textconv', 'HEAD:.env.encrypted')).toBe(envText({ A: A2, B: B2 }));
    expect(b.git('log', '--format=%s', '-2')).toBe('B2\nA2\n');
    expect(b.git('status', '--porcelain')).toBe('');
    expectQuiet(pull, all);
    expect(committedLeaks(b, all)).toEqual([]);
  });

  it('a staged encrypted file that moved on since the last decrypt is merged, not reverted, when .env is committed', () => {
    const a = initializedProject({ A, B });
    const origin = addOrigin(a);
    const b = cloneProject(origin);
    shareKey(a, b);
    b.envguard(['init']);
    commitEnv(a, { A: A2, B }, 'A2');
    a.git('push', '-q');
    // b pulls with the hooks off, so .env is not refreshed; then edits B and commits.
    expect(b.gitRaw(['pull', '--no-rebase', '-q'], { ENVGUARD_SKIP: '1' }).status).toBe(0);
    expect(b.read('.env')).toBe(envText({ A, B }));
    b.write('.env', envText({ A, B: B2 }));
    b.write('x.txt', '1\n');
    b.git('add', 'x.txt');
    const result = commit(b, ['-m', 'B2']);
    expect(result.status, result.stderr).toBe(0);
    expect(b.git('cat-file', '--textconv', 'HEAD:.env.encrypted')).toBe(envText({ A: A2, B: B2 }));
    expect(b.read('.env')).toBe(envText({ A: A2, B: B2 }));
    expectQuiet(result, all);
  });

  it('without the key, checkout writes no ciphertext into .env, explains, and exits 0', () => {
    const a = initializedProject({ A, B });
    a.git('switch', '-q', '-c', 'feature');
    commitEnv(a, { A: A2, B }, 'A2');
    a.git('switch', '-q', 'main');
    const origin = addOrigin(a);
    a.git('push', '-q', 'origin', 'feature');
    const b = cloneProject(origin);
    expect(b.envguard(['init']).status).toBe(0);
    const checkout = b.gitRaw(['checkout', 'feature']);
    expect(checkout.status).toBe(0);
    expect(checkout.stderr).toMatch(/\.env not decrypted: no key for environment "default"/);
    expect(checkout.stderr).toMatch(/envguard key import/);
    expect(b.exists('.env')).toBe(false);
    expectQuiet(checkout, all);
    // The key arrives: import decrypts .env, and branch switches keep it current.
    shareKey(a, b);
    expect(b.read('.env')).toBe(envText({ A: A2, B }));
    b.git('checkout', 'main');
    expect(b.read('.env')).toBe(envText({ A, B }));
  });

  it('a key rotated upstream is explained from the ledger (who, when, new key id); .env is left alone', () => {
    const a = initializedProject({ A, B });
    const origin = addOrigin(a);
    const b = cloneProject(origin);
    shareKey(a, b);
    expect(b.envguard(['init']).status).toBe(0);

    // a rotates: new key, ledger entry signed by both keys, file re-encrypted, new key stored.
    const oldKey = parseKey(a.envguard(['key', 'export']).stdout.trim(), 'old');
    const newText = a.envguard(['keygen']).stdout.trim();
    const ledger = JSON.parse(a.read('.env.ledger.json')) as Ledger;
    const rotated = appendRotation(ledger, {
      oldKey,
      newKey: parseKey(newText, 'new'),
      status: 'completed',
      actor: { name: 'Rita Rotator', email: 'rita@example.com' },
      reason: 'quarterly',
      now: new Date('2026-03-01T10:00:00Z'),
      files: [{ path: '.env.encrypted', verified: true }],
      backupPaths: [],
    });
    a.write('.env.ledger.json', `${JSON.stringify(rotated, null, 2)}\n`);
    expect(a.envguard(['encrypt', '--force'], { env: { ENVGUARD_KEY: newText } }).status).toBe(0);
    expect(a.envguard(['key', 'import', '--force'], { input: newText }).status).toBe(0);
    a.git('add', '.env.ledger.json', '.env.encrypted');
    const rotateCommit = commit(a, ['-m', 'rotate']);
    expect(rotateCommit.status, rotateCommit.stderr).toBe(0);
    a.git('push', '-q');

    const pull = b.gitRaw(['pull', '--no-rebase', '-q']);
    expect(pull.status).toBe(0);
    expect(pull.stderr).toMatch(/the key changed/);
    expect(pull.stderr).toMatch(/rotated by Rita Rotator <rita@example\.com> on 2026-03-01: quarterly/);
    expect(pull.stderr).toMatch(/envguard key import/);
    expect(b.read('.env')).toBe(envText({ A, B }));
    expect(pull.stderr).not.toContain(newText);
    expectQuiet(pull, all);
  });
});
