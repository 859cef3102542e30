import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendRotation, type Ledger } from '../../src/core/ledger/index.js';
import { parseKey } from '../../src/core/key.js';
import { addOrigin, cleanupProjects, cloneProject, committedLeaks, type Project } from './helpers/project.js';
import { packageTemplates } from './helpers/package-template.js';
import { commit, commitEnv, envText, expectQuiet, initializedProject, secret } from './helpers/scenario.js';

function shareKey(from: Project, to: Project): void {
  const exported = from.envguard(['key', 'export']);
  expect(exported.status, exported.stderr).toBe(0);
  const imported = to.envguard(['key', 'import'], { input: exported.stdout });
  expect(imported.status, imported.stderr).toBe(0);
}

/**
 * A teammate's clone: key import, pull (merge and rebase), and a key rotated upstream, with
 * post-merge and post-rewrite keeping `.env` in line (split from sync.test.ts so the two run in
 * parallel workers).
 */
describe('clone, key import, pull: .env follows the teammate’s changes', () => {
  beforeAll(() => void packageTemplates(), 240_000);
  afterAll(cleanupProjects);

  const A = secret('alpha');
  const B = secret('bravo');
  const C = secret('charlie');
  const A2 = secret('alpha2');
  const B2 = secret('bravo2');
  const L = secret('local');
  const all = [A, B, C, A2, B2, L];

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
