import type { Git } from './git.js';
import type { Actor } from '../core/ledger/types.js';

/**
 * Who is acting, for ledger entries: the author git would put on a commit made now
 * (`git var GIT_AUTHOR_IDENT`, which honours `GIT_AUTHOR_NAME`/`GIT_AUTHOR_EMAIL` as well as
 * `user.name`/`user.email`). No identity at all becomes `unknown` rather than an error: a CI job
 * rotating a key should not fail because it has no git identity. Given the context's git, so the
 * identity is the context environment's, not the process's.
 */
export function gitActor(git: Git): Actor {
  const ident = git.exec(['var', 'GIT_AUTHOR_IDENT'], { okCodes: [128] }).stdout.toString('utf8').trim();
  // "Name <email> 1700000000 +0000": the name may hold spaces, the email no angle brackets.
  const match = /^(.*?) ?<([^<>]*)> \d+ [+-]\d{4}$/.exec(ident);
  return { name: match?.[1] || 'unknown', email: match?.[2] || 'unknown' };
}
