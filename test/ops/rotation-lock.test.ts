import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';
import { createRotationProject, keyStoreDir, readLedger, type RotationProject } from '../helpers/rotation-project.js';

// Two rotations at once in two worktrees shared one key-store slot, and once in eight tries left
// a file under a key that existed nowhere: rotations of one project are serialised.
describe('one rotation per project at a time', () => {
  let project: RotationProject;
  beforeAll(() => ensureBuilt());
  afterEach(() => project?.repo.cleanup());

  const lockFiles = () => [path.join(project.repo.dir, '.git', 'envguard', 'rotation.lock'), path.join(keyStoreDir(project), 'rotation.lock')];
  const holdLock = (file: string, pid: number) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ pid, host: os.hostname(), since: '2026-01-01T00:00:00.000Z' })}\n`);
  };

  it.each([0, 1])('refuses while a live process holds lock %i, and changes nothing', (which) => {
    project = createRotationProject({ files: 2, variables: 4, commit: true });
    holdLock(lockFiles()[which]!, process.pid);
    const before = readLedger(project).entries.length;
    const result = runCli(['rotate', '--force', '--reason', 'test'], { cwd: project.repo.dir, env: project.repo.env });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(new RegExp(`another rotation of this project is running \\(process ${process.pid} on `));
    expect(result.stderr).toMatch(/fix: wait for it to finish/);
    expect(readLedger(project).entries.length).toBe(before);
    expect(existsSync(lockFiles()[which]!)).toBe(true);
  });

  it('takes over a lock left by a process that no longer exists, and releases both', () => {
    project = createRotationProject({ files: 1, variables: 4, commit: true });
    holdLock(lockFiles()[0]!, 2 ** 22 + 12345);
    const result = runCli(['rotate', '--force', '--reason', 'test'], { cwd: project.repo.dir, env: project.repo.env });
    expect(result.status, result.stderr).toBe(0);
    for (const file of lockFiles()) expect(existsSync(file)).toBe(false);
  });
});
