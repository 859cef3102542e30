import { EnvguardError } from '../../errors.js';

/**
 * Where access files live (DESIGN.md, "Per-person access"): one directory per environment and
 * two files per member, so grants made on two branches touch different paths and merge cleanly:
 *
 *     .envguard/access/<env>/<member-id>.age    the env's key, wrapped for the member (armored age)
 *     .envguard/access/<env>/<member-id>.json   the grant record, signed by the env's ledger key
 *
 * Paths are POSIX and relative to the repository root, as git names them.
 */
export const ACCESS_ROOT = '.envguard/access';

/** A member id: lower-case letters, digits and single hyphens, 1-40 characters (see member-id.ts). */
export const MEMBER_ID_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,39}$/;

// Environment names come from `.env.<name>`; anything that could climb out of the directory or
// hide as a dot-file (`.env…` included) is refused before it becomes a path.
const ENV_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/;

export interface AccessPaths {
  dir: string;
  age: string;
  grant: string;
}

/** Throws a usage error for an environment name that cannot be a directory under `.envguard/access`. */
export function assertAccessEnvName(envName: string): void {
  if (!ENV_NAME_PATTERN.test(envName) || envName.length > 64) {
    throw new EnvguardError('USAGE', `"${envName.replace(/[^\x20-\x7e]/g, '?')}" cannot be an access environment name`, { hint: 'use the name of an existing environment, e.g. `--env production` for .env.production' });
  }
}

/** The directory of an environment's access files. */
export function accessDirFor(envName: string): string {
  assertAccessEnvName(envName);
  return `${ACCESS_ROOT}/${envName}`;
}

/** The two files of one member in one environment. */
export function accessPathsFor(envName: string, memberId: string): AccessPaths {
  if (!MEMBER_ID_PATTERN.test(memberId)) throw new EnvguardError('USAGE', 'not a valid member id', { hint: 'use the id `envguard access list` shows' });
  const dir = accessDirFor(envName);
  return { dir, age: `${dir}/${memberId}.age`, grant: `${dir}/${memberId}.json` };
}

/**
 * Reads a path under `.envguard/access` back into environment and member, or undefined for a
 * path that is not an access file (for `verify` walking `git ls-files`).
 */
export function parseAccessPath(filePath: string): { envName: string; memberId: string; file: 'age' | 'grant' } | undefined {
  const match = /^\.envguard\/access\/([^/]+)\/([^/]+)\.(age|json)$/.exec(filePath);
  if (!match) return undefined;
  const [, envName, memberId, ext] = match as unknown as [string, string, string, string];
  if (!ENV_NAME_PATTERN.test(envName) || !MEMBER_ID_PATTERN.test(memberId)) return undefined;
  return { envName, memberId, file: ext === 'age' ? 'age' : 'grant' };
}
