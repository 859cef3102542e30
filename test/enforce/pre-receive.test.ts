import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';
import { fakeToken, pushFixture, type PushFixture } from './push-fixtures.js';

/** The server-side hook, with a local bare repository as the server and real `git push`. */
describe('envguard hook pre-receive', () => {
  beforeAll(() => ensureBuilt(), 120_000);
  let fixture: PushFixture | undefined;
  afterEach(() => fixture?.client.cleanup());

  it('rejects a --no-verify commit of a plaintext .env, and the server refs do not move', () => {
    fixture = pushFixture({ preReceive: true });
    const { client, server, commitFile } = fixture;
    commitFile('README.md', 'hello\n');
    expect(client.gitRaw(['push', '-q', 'origin', 'main']).status).toBe(0);
    const before = client.gitRaw(['--git-dir', server, 'rev-parse', 'main']).stdout.trim();
    const bad = commitFile('.env', 'DB_PASSWORD=hunter2-very-secret\n');
    commitFile('app.js', 'console.log(1)\n');
    const push = client.gitRaw(['push', '--no-verify', 'origin', 'main']);
    expect(push.status).not.toBe(0);
    expect(push.stderr).toContain(`.env:1:1 plaintext-env-file`);
    expect(push.stderr).toContain(bad.slice(0, 12));
    expect(push.stderr).toContain('git rebase -i');
    expect(push.stderr).not.toContain('hunter2');
    expect(client.gitRaw(['--git-dir', server, 'rev-parse', 'main']).stdout.trim()).toBe(before);
  });

  it('rejects a token in an older commit of the push, masked, naming commit, file and line', () => {
    fixture = pushFixture({ preReceive: true });
    const { client, commitFile } = fixture;
    const bad = commitFile('src/config.js', `const a = 1;\nconst token = '${fakeToken()}';\n`);
    commitFile('src/other.js', 'ok\n');
    const push = client.gitRaw(['push', 'origin', 'main']);
    expect(push.status).not.toBe(0);
    expect(push.stderr).toMatch(new RegExp(`src/config\\.js:2:\\d+ [a-z-]+ .*commit ${bad.slice(0, 12)}`));
    expect(push.stderr).not.toContain(fakeToken());
    expect(push.stderr).toContain('git rebase -i --root');
  });

  it('accepts a clean push and a new branch of old commits, reading only the incoming ones', () => {
    fixture = pushFixture({ preReceive: true });
    const { client, server, commitFile } = fixture;
    // A secret that the server already has (from before the hook) is not rescanned on a new branch.
    client.gitRaw(['--git-dir', server, 'config', 'core.hooksPath', '/dev/null']);
    commitFile('.env', 'OLD=1\n');
    expect(client.gitRaw(['push', '-q', 'origin', 'main']).status).toBe(0);
    client.gitRaw(['--git-dir', server, 'config', '--unset', 'core.hooksPath']);
    client.git('checkout', '-q', '-b', 'feature');
    commitFile('b.txt', 'clean\n');
    const push = client.gitRaw(['push', 'origin', 'feature']);
    expect(push.stderr).not.toContain('plaintext-env-file');
    expect(push.status).toBe(0);
  });

  it('checks every ref of one push together: a leak on one branch rejects the whole push', () => {
    fixture = pushFixture({ preReceive: true });
    const { client, server, commitFile } = fixture;
    commitFile('README.md', 'hello\n');
    client.git('checkout', '-q', '-b', 'feature');
    const bad = commitFile('id_ed25519', 'not really a key\n');
    client.git('checkout', '-q', 'main');
    commitFile('main.txt', 'more\n');
    const push = client.gitRaw(['push', 'origin', 'main', 'feature']);
    expect(push.status).not.toBe(0);
    expect(push.stderr).toContain(`id_ed25519:1:1 key-file`);
    expect(push.stderr).toContain(bad.slice(0, 12));
    expect(client.gitRaw(['--git-dir', server, 'for-each-ref']).stdout).toBe('');
  });

  it('refuses a malformed line and a missing object with one line and the fix', () => {
    fixture = pushFixture();
    const { server, client } = fixture;
    const malformed = runCli(['hook', 'pre-receive'], { cwd: server, env: client.env, input: 'not a ref line\n' });
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('pre-receive: line 1 of stdin is not "<old-sha> <new-sha> <ref>"');
    expect(malformed.stderr).toContain('fix:');
    const missing = runCli(['hook', 'pre-receive'], { cwd: server, env: client.env, input: `${'0'.repeat(40)} ${'ab'.repeat(20)} refs/heads/main\n` });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/refs\/heads\/main points to abababababab, which is not a commit/);
    expect(missing.stderr).toContain('fix:');
    const tree = runCli(['hook', 'pre-receive'], { cwd: server, env: client.env, input: `${'0'.repeat(40)} 4b825dc642cb6eb9a060e54bf8d69288fbee4904 refs/heads/tree\n` });
    expect(tree.status).toBe(2);
    expect(tree.stderr).toContain('which is not a commit in this repository');
    // A deletion has nothing to check.
    expect(runCli(['hook', 'pre-receive'], { cwd: server, env: client.env, input: `${'ab'.repeat(20)} ${'0'.repeat(40)} refs/heads/old\n` }).status).toBe(0);
  });
});
