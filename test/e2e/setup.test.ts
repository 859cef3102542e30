import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrigin, cleanupProjects, cloneProject, committedLeaks, createProject, type Project } from './helpers/project.js';
import { packageTemplates } from './helpers/package-template.js';
import { commit, envText, expectQuiet, initializedProject, scenarioSecrets, editEnvAndStageApp } from './helpers/scenario.js';

/** A fingerprint of everything init may touch: tracked and ignored files, git config, hooks, git dir extras. */
function setupSnapshot(p: Project): string {
  const hash = createHash('sha256');
  const walk = (dir: string, skip: (rel: string) => boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(p.dir, full);
      if (skip(rel)) continue;
      if (entry.isDirectory()) walk(full, skip);
      else hash.update(`${rel}\0${statSync(full).mode}\0`).update(readFileSync(full));
    }
  };
  walk(p.dir, (rel) => rel === 'node_modules' || rel === '.git');
  walk(path.join(p.dir, '.git'), (rel) => /^\.git\/(objects|logs|index|ORIG_HEAD|FETCH_HEAD)/.test(rel));
  hash.update(p.git('status', '--porcelain', '--ignored'));
  return hash.digest('hex');
}

describe('envguard init and the husky setup', () => {
  beforeAll(() => void packageTemplates(), 240_000);
  afterAll(cleanupProjects);

  const { A, B, A2, all } = scenarioSecrets();

  it('init sets up ignore rules, drivers and hooks, and running it again changes nothing at all', () => {
    const p = createProject();
    p.write('.env', envText({ A, B }));
    const first = p.envguard(['init']);
    expect(first.status, first.stderr).toBe(0);
    expectQuiet(first, all);
    expect(p.git('check-ignore', '.env', '.env.local', '.env.incoming')).toBe('.env\n.env.local\n.env.incoming\n');
    expect(p.gitRaw(['check-ignore', '-q', '.env.encrypted']).status).toBe(1);
    expect(p.gitRaw(['check-ignore', '-q', '.env.ledger.json']).status).toBe(1);
    expect(p.git('config', '--local', 'merge.envguard.driver')).toMatch(/hook merge-driver %O %A %B %P/);
    expect(p.git('check-attr', 'diff', 'merge', '--', '.env.encrypted')).toBe('.env.encrypted: diff: envguard\n.env.encrypted: merge: envguard\n');
    expect(p.exists('.git/hooks/pre-commit')).toBe(true);
    expect(p.read('.env.encrypted')).toMatch(/^# envguard:v2 key=[0-9a-f]{16} /);
    for (const value of all) expect(p.read('.env.encrypted')).not.toContain(value);

    const before = setupSnapshot(p);
    const second = p.envguard(['init']);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/already installed/);
    expect(setupSnapshot(p)).toBe(before);

    // Committing the setup and running init once more: still nothing to commit.
    p.git('add', '-A');
    expect(commit(p, ['-q', '-m', 'Add envguard']).status).toBe(0);
    expect(p.envguard(['init']).status).toBe(0);
    expect(p.git('status', '--porcelain')).toBe('');
    expect(committedLeaks(p, all)).toEqual([]);
  });

  it('init --no-hooks (for lefthook or the pre-commit framework) installs no hook but sets up the drivers; a manager calling envguard hook works', () => {
    const p = createProject();
    p.write('.env', envText({ A, B }));
    const init = p.envguard(['init', '--no-hooks']);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stderr).toMatch(/hooks: none installed/);
    expect(p.exists('.git/hooks/pre-commit')).toBe(false);
    expect(p.git('config', '--local', 'diff.envguard.textconv')).toMatch(/hook textconv/);
    // What a hook manager's pre-commit entry runs:
    p.write('.git/hooks/pre-commit', '#!/bin/sh\nexec node_modules/.bin/envguard hook pre-commit\n');
    chmodSync(path.join(p.dir, '.git/hooks/pre-commit'), 0o755);
    p.git('add', '-A');
    expect(commit(p, ['-q', '-m', 'setup']).status).toBe(0);
    p.write('.env', envText({ A: A2, B }));
    p.write('x.txt', '1\n');
    p.git('add', 'x.txt');
    expect(commit(p, ['-q', '-m', 'x']).status).toBe(0);
    expect(p.git('cat-file', '--textconv', 'HEAD:.env.encrypted')).toBe(envText({ A: A2, B }));
  });

  it('init keeps an existing .gitignore and beats an earlier pattern that would hide the encrypted file', () => {
    const p = createProject();
    p.write('.gitignore', 'node_modules/\n.env*\ndist/\n');
    p.write('.env', envText({ A }));
    expect(p.envguard(['init']).status).toBe(0);
    const ignore = p.read('.gitignore');
    expect(ignore.startsWith('node_modules/\n.env*\ndist/\n')).toBe(true);
    expect(p.gitRaw(['check-ignore', '-q', '.env.encrypted']).status).toBe(1);
    expect(p.git('check-ignore', '.env')).toBe('.env\n');
  });

  it('husky: init adds envguard lines to .husky hooks (keeping what is there), and commits are encrypted through husky', () => {
    const p = initializedProject({ A, B }, {
      kind: 'husky',
      before: (project) => project.write('.husky/pre-commit', 'echo lint-ran >> lint.log\n'),
    });
    expect(p.read('.husky/pre-commit')).toBe('echo lint-ran >> lint.log\nenvguard hook pre-commit "$@"\n');
    expect(p.read('.husky/post-checkout')).toBe('envguard hook post-checkout "$@"\n');
    expect(p.git('config', 'core.hooksPath')).toBe('.husky/_\n');
    expect(p.exists('.git/hooks/pre-commit')).toBe(false);
    const again = p.envguard(['init']);
    expect(again.status).toBe(0);
    expect(p.read('.husky/pre-commit')).toBe('echo lint-ran >> lint.log\nenvguard hook pre-commit "$@"\n');

    editEnvAndStageApp(p, { A: A2, B });
    const result = commit(p, ['-m', 'app']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/encrypted and staged \.env\.encrypted/);
    expect(p.read('lint.log')).toContain('lint-ran');
    expect(p.git('cat-file', '--textconv', 'HEAD:.env.encrypted')).toBe(envText({ A: A2, B }));
    expect(committedLeaks(p, all)).toEqual([]);
  });

  it('husky, fresh clone: npm install (husky prepare) and key import are enough; hooks and drivers then work', () => {
    const a = initializedProject({ A, B }, { kind: 'husky' });
    const origin = addOrigin(a);
    const b = cloneProject(origin, { kind: 'husky', install: 'npm' });
    expect(b.git('config', 'core.hooksPath')).toBe('.husky/_\n');
    const exported = a.envguard(['key', 'export']);
    const imported = b.envguard(['key', 'import'], { input: exported.stdout });
    expect(imported.status, imported.stderr).toBe(0);
    expect(b.read('.env')).toBe(envText({ A, B }));

    // a teammate's change arrives: post-merge decrypts it (and sets up the drivers on the way).
    a.write('.env', envText({ A: A2, B }));
    a.write('app.js', '1\n');
    a.git('add', 'app.js');
    expect(commit(a, ['-q', '-m', 'A2']).status).toBe(0);
    a.git('push', '-q');
    const pull = b.gitRaw(['pull', '--no-rebase', '-q']);
    expect(pull.status, pull.stderr).toBe(0);
    expect(b.read('.env')).toBe(envText({ A: A2, B }));
    expect(b.git('config', '--local', 'merge.envguard.driver')).toMatch(/merge-driver/);

    // and b's own commits are encrypted by the hooks husky installed.
    b.write('.env', envText({ A, B }));
    b.write('b.txt', '1\n');
    b.git('add', 'b.txt');
    const own = commit(b, ['-m', 'b']);
    expect(own.status, own.stderr).toBe(0);
    expect(b.git('cat-file', '--textconv', 'HEAD:.env.encrypted')).toBe(envText({ A, B }));
    expect(committedLeaks(b, all)).toEqual([]);
  });
});
