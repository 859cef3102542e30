import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ledgerPathFor } from '../core/env-files.js';

/**
 * The project id keys the local key store, so clones and worktrees of one project share keys.
 * It lives in every ledger (`projectId` at the top level, signed in the genesis entry).
 * Returns undefined before `envguard init` has written a ledger.
 */
export function readProjectId(root: string, envPath = '.env'): string | undefined {
  for (const candidate of [ledgerPathFor(envPath), ledgerPathFor('.env')]) {
    try {
      const data = JSON.parse(readFileSync(path.join(root, candidate), 'utf8')) as { projectId?: unknown };
      if (typeof data.projectId === 'string') return data.projectId;
    } catch {
      // no ledger (or an unreadable one: `envguard verify` reports that); try the next
    }
  }
  return undefined;
}
