import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupProjects, committedLeaks } from './helpers/project.js';
import { packageTemplates } from './helpers/package-template.js';
import { commit, envText, expectQuiet, initializedProject, scenarioSecrets, editEnvAndStageApp } from './helpers/scenario.js';

/** What pre-commit refuses, how it can be bypassed on purpose, and how it chains with other hooks. */
describe('pre-commit: refusals, bypasses and chaining', () => {
  beforeAll(() => void packageTemplates(), 240_000);
  afterAll(cleanupProjects);

  const { A, B, A2, all } = scenarioSecrets();

  it('refuses a plaintext .env staged with add -f even when the working tree now holds an encrypted copy (dotenvx-style bypass)', () => {
    const p = initializedProject({ A, B });
    const head = p.git('rev-parse', 'HEAD');
    p.git('add', '-f', '.env');
    // The working tree now shows ciphertext: a check that read the working tree would be fooled.
    p.write('.env', p.read('.env.encrypted'));
    const result = commit(p, ['-m', 'sneaky']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\.env: a plaintext env file is staged/);
    expect(result.stderr).toContain("git rm --cached -- '.env'");
    expect(p.git('rev-parse', 'HEAD')).toBe(head);
    expectQuiet(result, all);
    expect(committedLeaks(p, all)).toEqual([]);
  });

  it('refuses a hand-edited .env.encrypted holding a plaintext value, naming the line but not the value', () => {
    const p = initializedProject({ A, B });
    p.write('.env.encrypted', `${p.read('.env.encrypted')}PASTED=${A2}\n`);
    p.git('add', '.env.encrypted');
    const result = commit(p, ['-m', 'pasted']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\.env\.encrypted/);
    expect(result.stderr).toMatch(/\.env\.encrypted:4: expected NAME=fernet/);
    expectQuiet(result, all);
    expect(committedLeaks(p, all)).toEqual([]);
  });

  it('runs the secret scan on the staged change: a project value in source is refused by name, masked, in any encoding', () => {
    const p = initializedProject({ A, B });
    const head = p.git('rev-parse', 'HEAD');
    p.write('config.js', `export const a = '${A}';\nexport const b = '${Buffer.from(B).toString('base64')}';\n`);
    p.git('add', 'config.js');
    const result = commit(p, ['-m', 'hardcode']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/config\.js:1:\d+ known-value +Value of A from \.env/);
    expect(result.stderr).toMatch(/config\.js:2:\d+ known-value +Value of B from \.env/);
    expect(p.git('rev-parse', 'HEAD')).toBe(head);
    expectQuiet(result, all);
    expect(result.stderr).not.toContain(Buffer.from(B).toString('base64'));
    expect(committedLeaks(p, all)).toEqual([]);
    // With the value gone, the same commit goes through.
    p.write('config.js', `export const a = 'placeholder'; // nothing secret here\n`);
    p.git('add', 'config.js');
    expect(commit(p, ['-m', 'fixed']).status).toBe(0);
  });

  it('refuses a token moved to another variable name', () => {
    const p = initializedProject({ A, B });
    const lines = p.read('.env.encrypted').split('\n');
    const tokenOfA = lines[1]?.slice('A='.length);
    p.write('.env.encrypted', [lines[0], `A=${tokenOfA ?? ''}`, `B=${tokenOfA ?? ''}`, ''].join('\n'));
    p.git('add', '.env.encrypted');
    const result = commit(p, ['-m', 'swap']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\.env\.encrypted/);
    expectQuiet(result, all);
  });

  it('refuses key files such as .env.keys', () => {
    const p = initializedProject({ A, B });
    p.write('.env.keys', 'DOTENV_PRIVATE_KEY=abc\n');
    p.git('add', '-f', '.env.keys');
    const result = commit(p, ['-m', 'keys']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\.env\.keys: a key file is staged/);
  });

  it('without a key, refuses to commit a changed .env and says how to get the key', () => {
    const p = initializedProject({ A, B });
    p.write('.env', envText({ A: A2, B }));
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'envguard-nokey-'));
    const result = commit(p, ['-m', 'x'], { ENVGUARD_HOME: elsewhere });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no key/);
    expect(result.stderr).toMatch(/envguard key import/);
    expectQuiet(result, all);
  });

  it('ENVGUARD_SKIP=1 and --no-verify bypass the hook on purpose', () => {
    const p = initializedProject({ A, B });
    p.write('.env.encrypted', `${p.read('.env.encrypted')}# note: ${'x'.repeat(3)}\nPLAIN=1\n`);
    p.git('add', '.env.encrypted');
    expect(commit(p, ['-m', 'refused']).status).toBe(1);
    const skipped = commit(p, ['-m', 'skipped'], { ENVGUARD_SKIP: '1' });
    expect(skipped.status, skipped.stderr).toBe(0);
    expect(skipped.stderr).not.toMatch(/envguard/);

    p.write('.env.encrypted', `${p.read('.env.encrypted')}PLAIN2=2\n`);
    p.git('add', '.env.encrypted');
    const noVerify = commit(p, ['--no-verify', '-m', 'no verify']);
    expect(noVerify.status, noVerify.stderr).toBe(0);
  });

  it('never waits for input: a commit with stdin left open (never closed) still finishes', async () => {
    const p = initializedProject({ A, B }, { kind: 'husky' }); // husky's shims do not redirect stdin
    editEnvAndStageApp(p, { A: A2, B });
    const child = spawn('git', ['commit', '-m', 'stdin open'], { cwd: p.dir, env: p.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const status = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 20_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    expect(status, stderr).toBe(0);
    expect(stderr).toMatch(/encrypted and staged/);
  });

  it('chains a pre-commit hook that was already there: it runs first, and its refusal stops the commit', () => {
    const p = initializedProject({ A, B }, {
      before: (project) => {
        project.write('.git/hooks/pre-commit', '#!/bin/sh\necho ran >> "$(git rev-parse --git-dir)/existing-hook-ran"\n[ ! -f block ]\n');
        chmodSync(path.join(project.dir, '.git/hooks/pre-commit'), 0o755);
      },
    });
    expect(p.read('.git/hooks/pre-commit.pre-envguard')).toContain('existing-hook-ran');
    expect(p.read('.git/existing-hook-ran')).toBe('ran\n');

    editEnvAndStageApp(p, { A: A2, B });
    expect(commit(p, ['-m', 'app']).status).toBe(0);
    expect(p.read('.git/existing-hook-ran')).toBe('ran\nran\n');
    expect(p.git('show', '--name-only', '--format=', 'HEAD')).toContain('.env.encrypted');

    p.write('block', '');
    p.write('app.js', '2\n');
    p.git('add', 'app.js');
    expect(commit(p, ['-m', 'blocked']).status).toBe(1);
    expect(committedLeaks(p, all)).toEqual([]);
  });

  it('installs into the directory core.hooksPath names, and the hooks run from there', () => {
    const p = initializedProject({ A, B }, { before: (project) => project.git('config', 'core.hooksPath', '.githooks') });
    expect(p.exists('.githooks/pre-commit')).toBe(true);
    expect(p.exists('.git/hooks/pre-commit')).toBe(false);
    editEnvAndStageApp(p, { A: A2, B });
    const result = commit(p, ['-m', 'app']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/encrypted and staged \.env\.encrypted/);
    expect(committedLeaks(p, all)).toEqual([]);
  });
});
