import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EnvguardError } from '../errors.js';
import { gitText } from './git.js';
import { keyStoreHome } from './key-store.js';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/**
 * Where a project's rotation lock lives: the common git dir (shared by every worktree of a
 * clone) and the key store's folder for the project (shared by every clone on this machine, which
 * all write the same key-store slot). Both are held for the whole rotation.
 */
export function rotationLockFiles(env: NodeJS.ProcessEnv, root: string, projectId: string | undefined): string[] {
  const commonDir = path.resolve(root, gitText(['rev-parse', '--git-common-dir'], { cwd: root, baseEnv: env }));
  const files = [path.join(commonDir, 'envguard', 'rotation.lock')];
  if (projectId !== undefined && /^[A-Za-z0-9._-]+$/.test(projectId)) files.push(path.join(keyStoreHome(env), projectId, 'rotation.lock'));
  return files;
}

/**
 * Runs `fn` holding every lock in `files` (created exclusively, in order). A lock whose owner was
 * a process on this host that no longer exists is stale and taken over; a live one refuses at once
 * rather than waiting, naming who holds it.
 */
export function withRotationLock<T>(files: readonly string[], fn: () => T): T {
  const held: string[] = [];
  try {
    for (const file of files) {
      acquire(file);
      held.push(file);
    }
    return fn();
  } finally {
    for (const file of held.reverse()) rmSync(file, { force: true });
  }
}

function acquire(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      const owner: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
      writeSync(fd, `${JSON.stringify(owner)}\n`);
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new EnvguardError('IO_ERROR', `could not create the rotation lock ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { hint: 'check that the folder is writable', cause: error });
      }
      const owner = readOwner(file);
      if (owner && isAlive(owner)) {
        throw new EnvguardError('LOCKED', `another rotation of this project is running (process ${owner.pid} on ${owner.host}, since ${owner.since})`, {
          hint: 'wait for it to finish, then run `envguard status`',
        });
      }
      // The owner died without releasing (killed, machine restarted): the journal, not the
      // lock, says how to resume, so the stale lock can go.
      rmSync(file, { force: true });
    }
  }
  throw new EnvguardError('LOCKED', `could not take the rotation lock ${file}`, { hint: 'run the command again' });
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.since === 'string') return data as LockOwner;
  } catch {
    // empty or half-written by a process killed mid-write: treat as stale
  }
  return undefined;
}

function isAlive(owner: LockOwner): boolean {
  // A lock from another host (a shared home folder) cannot be checked: honour it.
  if (owner.host !== os.hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
