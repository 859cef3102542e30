import path from 'node:path';
import { envNameOf } from '../core/env-files.js';
import { loadConfig } from '../io/config.js';
import { readProjectId } from '../io/project.js';
import { requireKey, resolveKey, type KeyLookup, type ResolvedKey } from '../io/key-store.js';
import type { OpsContext } from './context.js';
import { keyFromAccessFiles } from './access/key-from-access-files.js';
import { hasAccessDir } from './access/env-grants.js';
import { shortKeyId } from '../core/key.js';
import { readTextIfExists } from '../io/read-file.js';

/** The key lookup for a plaintext env file path (absolute or relative to ctx.cwd). */
export function keyLookupFor(ctx: OpsContext, envPath: string): KeyLookup {
  const absolute = path.resolve(ctx.cwd, envPath);
  const root = path.dirname(absolute);
  const config = loadConfig(ctx.cwd);
  return {
    envName: envNameOf(absolute),
    // An env file in a subfolder shares the project's key store entry via the ledger at the top.
    projectId: readProjectId(root, path.basename(absolute)) ?? readProjectId(ctx.cwd),
    root: ctx.cwd,
    env: ctx.env,
    keyCommand: config.keyCommand,
    afterStore: () => keyFromAccessFiles({ root: ctx.cwd, envName: envNameOf(absolute), env: ctx.env, warn: (message) => ctx.log.warn(message) }),
  };
}

export function findKeyFor(ctx: OpsContext, envPath: string): ResolvedKey | undefined {
  return freshFromAccess(ctx, envPath, resolveKey(keyLookupFor(ctx, envPath)));
}

export function requireKeyFor(ctx: OpsContext, envPath: string): ResolvedKey {
  return freshFromAccess(ctx, envPath, requireKey(keyLookupFor(ctx, envPath))) as ResolvedKey;
}

/**
 * A key store that holds a key the encrypted file is no longer under (a teammate rotated or
 * revoked someone) is stale: when this machine's access file has the new key, that one wins and
 * replaces it in the store. Costs one `existsSync` when the project has no access files.
 */
function freshFromAccess(ctx: OpsContext, envPath: string, resolved: ResolvedKey | undefined): ResolvedKey | undefined {
  if (resolved?.source !== 'key store') return resolved;
  const envName = envNameOf(path.resolve(ctx.cwd, envPath));
  if (!hasAccessDir(ctx.cwd, envName)) return resolved;
  const header = /^# envguard:v\d+ key=([0-9a-f]{16})/.exec(readTextIfExists(path.resolve(ctx.cwd, `${envPath}.encrypted`))?.slice(0, 200) ?? '');
  if (!header || header[1] === shortKeyId(resolved.key)) return resolved;
  const fromAccess = keyFromAccessFiles({ root: ctx.cwd, envName, env: ctx.env, warn: (message) => ctx.log.warn(message) });
  return fromAccess && shortKeyId(fromAccess.key) === header[1] ? fromAccess : resolved;
}
