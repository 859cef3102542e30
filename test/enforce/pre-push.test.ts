import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, runCli } from '../helpers/run-cli.js';
import { fakeToken, pushFixture, type PushFixture } from './push-fixtures.js';

const ZERO = '0'.repeat(40);
const KEY = 'q1Jf0nQ3cD2rM9vW8xY7zA6bB5nC4mD3eF2gH1iJ0kk=';

/** pre-push through a real `git push` (the hook script passes git's stdin on, as hooks/hook.sh does). */
describe('envguard hook pre-push', () => {
  beforeAll(() => ensureBuilt(), 120_000);
  let fixture: PushFixture | undefined;
  afterEach(() => fixture?.client.cleanup());

  function withPrePush(f: PushFixture): PushFixture {
    const dir = path.join(path.dirname(f.client.dir), 'hooks');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'pre-push'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" hook pre-push "$@"\n`);
    chmodSync(path.join(dir, 'pre-push'), 0o755);
    f.client.git('config', 'core.hooksPath', dir);
    return f;
  }

  it('refuses a new branch when any commit in it (not just the tip) adds a plaintext env file; nothing reaches the server', () => {
    fixture = withPrePush(pushFixture());
    const { client, server, commitFile } = fixture;
    commitFile('a.txt', 'a\n');
    const bad = commitFile('config/.env.production', 'API_TOKEN=abc123-long-secret-value\n');
    commitFile('b.txt', 'b\n');
    const push = client.gitRaw(['push', 'origin', 'main']);
    expect(push.status).toBe(1);
    expect(push.stderr).toContain(`config/.env.production:1:1 plaintext-env-file`);
    expect(push.stderr).toContain(`(commit ${bad.slice(0, 12)})`);
    expect(push.stderr).toContain(`git rebase -i ${bad.slice(0, 12)}^`);
    expect(push.stderr).toContain(`git rm --cached -- 'config/.env.production'`);
    expect(push.stderr).not.toContain('abc123-long-secret-value');
    expect(client.gitRaw(['--git-dir', server, 'rev-parse', '--verify', '-q', 'main']).status).not.toBe(0);
  });

  it('checks only <remote-sha>..<local-sha> on an update, and nothing for a deletion', () => {
    fixture = withPrePush(pushFixture());
    const { client, commitFile } = fixture;
    commitFile('.env', 'OLD=already-on-the-server\n');
    expect(client.gitRaw(['push', '--no-verify', '-q', 'origin', 'main']).status).toBe(0);
    commitFile('c.txt', 'clean\n');
    expect(client.gitRaw(['push', '-q', 'origin', 'main']).status).toBe(0);
    const token = commitFile('src/t.js', `const token = '${fakeToken()}';\n`);
    const refused = client.gitRaw(['push', 'origin', 'main']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(token.slice(0, 12));
    expect(refused.stderr).not.toContain('.env:1:1');
    expect(refused.stderr).not.toContain(fakeToken());
    client.git('push', '-q', '--no-verify', 'origin', 'main:doomed');
    expect(client.gitRaw(['push', '-q', 'origin', ':doomed']).status).toBe(0);
  });

  it('refuses the project\'s envguard key in source (a known value), by name, never by value', () => {
    fixture = withPrePush(pushFixture());
    const { client, commitFile } = fixture;
    commitFile('settings.py', `SECRET = "${KEY}"\n`);
    const push = runCli(['hook', 'pre-push', 'origin', 'x'], {
      cwd: client.dir,
      env: { ...client.env, ENVGUARD_KEY: KEY },
      input: `refs/heads/main ${client.git('rev-parse', 'HEAD').trim()} refs/heads/main ${ZERO}\n`,
    });
    expect(push.status).toBe(1);
    expect(push.stderr).toMatch(/settings\.py:1:\d+ known-value +Value of envguard key [0-9a-f]{16} from the key store/);
    expect(push.stderr).not.toContain(KEY);
  });

  it('treats a remote sha this clone lacks (someone force-pushed) as a new branch, and refuses malformed input', () => {
    fixture = pushFixture();
    const { client, commitFile } = fixture;
    const sha = commitFile('.env', 'X=very-secret-value-1\n');
    const missing = runCli(['hook', 'pre-push', 'origin', 'x'], { cwd: client.dir, env: client.env, input: `refs/heads/main ${sha} refs/heads/main ${'cd'.repeat(20)}\n` });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('.env:1:1 plaintext-env-file');
    const malformed = runCli(['hook', 'pre-push', 'origin', 'x'], { cwd: client.dir, env: client.env, input: `refs/heads/main ${sha}\n` });
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('pre-push: line 1 of stdin is not "<local-ref> <local-sha> <remote-ref> <remote-sha>"');
    expect(malformed.stderr).toContain('fix:');
  });

  it('handles a push of 10,000 files in one commit, and still finds the one secret among them', () => {
    fixture = pushFixture();
    const { client } = fixture;
    for (let i = 0; i < 10_000; i++) client.write(`gen/f${i}.txt`, `line ${i}\n`);
    client.write('gen/f5000.txt', `token = '${fakeToken()}'\n`);
    client.git('add', 'gen');
    client.git('commit', '-q', '--no-verify', '-m', 'many');
    const sha = client.git('rev-parse', 'HEAD').trim();
    const started = Date.now();
    const result = runCli(['hook', 'pre-push', 'origin', 'x'], { cwd: client.dir, env: client.env, input: `refs/heads/main ${sha} refs/heads/main ${ZERO}\n` });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/gen\/f5000\.txt:1:\d+/);
    expect(result.stderr.split('\n').filter((line) => line.includes('gen/f')).length).toBe(1);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);
});
