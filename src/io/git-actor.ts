import { execGit } from './git.js';
import type { Actor } from '../core/ledger/types.js';

/**
 * Who is acting, for ledger entries: git's `user.name` and `user.email` (what the commit will
 * say). Missing values become `unknown` rather than an error: a CI job rotating a key should
 * not fail because it has no git identity.
 */
export function gitActor(cwd: string): Actor {
  const read = (name: string) => execGit(['config', '--get', name], { cwd, okCodes: [1] }).stdout.toString('utf8').trim();
  return { name: read('user.name') || 'unknown', email: read('user.email') || 'unknown' };
}
