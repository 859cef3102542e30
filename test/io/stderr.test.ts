import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stderrFd } from '../../src/io/stderr.js';
import { createEnvProject, type EnvProject } from '../helpers/env-project.js';
import { CLI, ensureBuilt } from '../helpers/run-cli.js';
import { runInPty } from '../helpers/run-in-pty.js';

/**
 * The hooks write to stderr's file descriptor, never making process.stderr (issue 14): lines
 * arrive whole and in order, colour still follows the terminal, and a reader that went away
 * costs the hook its messages, never its exit code.
 */
describe('stderrFd', () => {
  let project: EnvProject | undefined;
  afterEach(() => project?.repo.cleanup());

  it('writes whole lines, and a file is no terminal', () => {
    const file = path.join(os.tmpdir(), `envguard-stderr-${process.pid}.txt`);
    const fd = openSync(file, 'w');
    try {
      const out = stderrFd(fd);
      out.write('first line\n');
      out.write(`${'é'.repeat(40_000)}\n`);
      expect(out.isTTY).toBe(false);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8')).toBe(`first line\n${'é'.repeat(40_000)}\n`);
  });

  /** A commit the hook refuses: a plaintext .env staged. */
  const refusedCommit = (): EnvProject => {
    ensureBuilt();
    const created = createEnvProject('A=1\n');
    created.repo.git('add', '-f', '.env');
    return created;
  };

  it('colours a refusal on a terminal, and not through a pipe', () => {
    project = refusedCommit();
    const env = { ...project.ctx().env } as NodeJS.ProcessEnv;
    delete env.NO_COLOR;
    const onTerminal = runInPty(['node', CLI, 'hook', 'pre-commit'], { cwd: project.repo.dir, env: { ...env, TERM: 'xterm' }, prompt: '', answer: '' });
    expect(onTerminal.status).toBe(1);
    expect(onTerminal.terminal).toContain('\u001b[31menvguard: [PLAINTEXT_STAGED] .env');
    const throughPipe = spawnSync('node', [CLI, 'hook', 'pre-commit'], { cwd: project.repo.dir, env, encoding: 'utf8' });
    expect(throughPipe.status).toBe(1);
    expect(throughPipe.stderr).toContain('envguard: [PLAINTEXT_STAGED] .env');
    expect(throughPipe.stderr).not.toContain('\u001b[');
  });

  it('still refuses the commit when nobody reads stderr any more', async () => {
    project = refusedCommit();
    const child = spawn('node', [CLI, 'hook', 'pre-commit'], { cwd: project.repo.dir, env: project.ctx().env, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
  });
});
