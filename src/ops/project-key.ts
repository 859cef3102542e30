import path from 'node:path';
import { envNameOf } from '../core/env-files.js';
import { loadConfig } from '../io/config.js';
import { readProjectId } from '../io/project.js';
import { requireKey, resolveKey, type KeyLookup, type ResolvedKey } from '../io/key-store.js';
import type { OpsContext } from './context.js';
import { keyFromAccessFiles } from './access/key-from-access-files.js';

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
  return resolveKey(keyLookupFor(ctx, envPath));
}

export function requireKeyFor(ctx: OpsContext, envPath: string): ResolvedKey {
  return requireKey(keyLookupFor(ctx, envPath));
}
