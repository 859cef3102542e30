import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';

/**
 * Which repository-supplied `keyCommand`s this machine approved (as direnv does for `.envrc`):
 * one empty file per approval under `$ENVGUARD_HOME/allowed/`, named by a hash of the project's
 * root and the exact command text. A branch that changes the command, or the same text in another
 * checkout, is a different hash and waits for `envguard allow` again.
 */
export function approvalPath(home: string, root: string, command: string): string {
  const id = createHash('sha256').update(`envguard keyCommand approval v1\0${path.resolve(root)}\0${command}`).digest('hex');
  return path.join(home, 'allowed', id);
}

export function isApproved(home: string, root: string, command: string): boolean {
  return existsSync(approvalPath(home, root, command));
}

/** Records the approval (idempotent). */
export function approve(home: string, root: string, command: string): void {
  const file = approvalPath(home, root, command);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileAtomic(file, '', { mode: 0o600 });
}

/** Withdraws it; returns whether there was one. */
export function revokeApproval(home: string, root: string, command: string): boolean {
  const file = approvalPath(home, root, command);
  if (!existsSync(file)) return false;
  rmSync(file);
  return true;
}
