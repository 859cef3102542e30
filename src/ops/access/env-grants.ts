import { readBytes } from '../../io/access-file-io.js';
import { listDirectory, pathExists } from '../../io/read-file.js';
import path from 'node:path';
import { accessDirFor, accessPathsFor, parseAccessPath, parseGrant, type AccessPaths, type GrantRecord } from '../../core/access/index.js';

/** One member's pair of files in one environment, as found in the working tree (either may be missing). */
export interface GrantFiles {
  memberId: string;
  /** Repository-relative paths. */
  paths: AccessPaths;
  grantText?: string;
  ageFile?: Buffer;
  /** The parsed grant, or why it does not parse; absent without a `.json`. */
  parsed?: { grant: GrantRecord } | { reason: string };
}

export interface EnvGrants {
  envName: string;
  members: GrantFiles[];
  /** Repository-relative paths in the directory that are not access files at all. */
  strays: string[];
}

/**
 * Reads `.envguard/access/<env>/` from the working tree: every member's grant and wrapped key,
 * sorted by member id. Nothing is trusted yet: callers verify before they use anything.
 */
export function readEnvGrants(root: string, envName: string): EnvGrants {
  const dir = accessDirFor(envName);
  const absolute = path.join(root, dir);
  const result: EnvGrants = { envName, members: [], strays: [] };
  if (!pathExists(absolute)) return result;
  const byId = new Map<string, GrantFiles>();
  for (const name of listDirectory(absolute).sort()) {
    const where = parseAccessPath(`${dir}/${name}`);
    if (!where || where.envName !== envName) {
      result.strays.push(`${dir}/${name}`);
      continue;
    }
    let files = byId.get(where.memberId);
    if (!files) byId.set(where.memberId, (files = { memberId: where.memberId, paths: accessPathsFor(envName, where.memberId) }));
    const bytes = readBytes(path.join(absolute, name));
    if (where.file === 'age') {
      files.ageFile = bytes;
    } else {
      files.grantText = bytes.toString('utf8');
      files.parsed = parseGrant(files.grantText);
    }
  }
  result.members = [...byId.values()];
  return result;
}

/** The grants that parse, member id → grant. */
export function parsedGrants(grants: EnvGrants): Map<string, GrantRecord> {
  const map = new Map<string, GrantRecord>();
  for (const member of grants.members) if (member.parsed && 'grant' in member.parsed) map.set(member.memberId, member.parsed.grant);
  return map;
}

/** Member id → member name, for `buildGrant`'s collision rule. */
export function memberNames(grants: EnvGrants): Map<string, string> {
  return new Map([...parsedGrants(grants)].map(([id, grant]) => [id, grant.memberName]));
}

/** True when the environment has an access directory at all (a cheap check before any age code runs). */
export function hasAccessDir(root: string, envName: string): boolean {
  try {
    return pathExists(path.join(root, accessDirFor(envName)));
  } catch {
    return false;
  }
}
