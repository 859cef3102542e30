import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createEnvProject, type EnvProject } from '../helpers/env-project.js';
import { CLI, ensureBuilt } from '../helpers/run-cli.js';

/**
 * A path is the repository's, chosen by whoever committed it: one whose name holds terminal
 * escapes is reported with them taken out, by the secret scan and by the pre-commit hook.
 */
describe('paths with control characters in what envguard prints', () => {
  let project: EnvProject | undefined;
  afterEach(() => project?.repo.cleanup());

  const PEM = ['-----BEGIN OPENSSH PRIVATE KEY-----', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACBx7q9Yt2H3kP4nM8vR1sW6zQ0aL5jF2dC9eB7uX3yKgAAAAJgAAAAA', '-----END OPENSSH PRIVATE KEY-----', ''].join('\n');
  /** Any C0 control character but the line feed. */
  const hasControl = (text: string) => [...text].some((char) => char.charCodeAt(0) < 0x20 && char !== '\n');
  const name = 'evil\u001b]0;owned\u0007\u001b[2Jname.pem';

  const staged = (): EnvProject => {
    ensureBuilt();
    const created = createEnvProject('A=1\n');
    created.repo.write(name, PEM);
    created.repo.git('add', '--', name);
    return created;
  };

  it('envguard scan --staged names the file without its escapes', () => {
    project = staged();
    const result = spawnSync('node', [CLI, 'scan', '--staged'], { cwd: project.repo.dir, env: project.ctx().env, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain('evil]0;owned[2Jname.pem:1:1 private-key');
    expect(hasControl(result.stdout + result.stderr)).toBe(false);
  });

  it('the pre-commit hook refuses it and names it without its escapes', () => {
    project = staged();
    const result = spawnSync('node', [CLI, 'hook', 'pre-commit'], { cwd: project.repo.dir, env: project.ctx().env, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('envguard: [SECRET_FOUND] evil]0;owned[2Jname.pem:1:1 private-key');
    expect(hasControl(result.stderr)).toBe(false);
  });
});
