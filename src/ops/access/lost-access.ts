import { printable } from '../../core/text/printable.js';
import path from 'node:path';
import { entryForKey, type Ledger } from '../../core/ledger/index.js';
import { readLedgerJson } from '../../io/ledger-file.js';
import type { OpsContext } from '../context.js';
import { hasAccessDir } from './env-grants.js';
import { ACCESS_MESSAGES } from './access-messages.js';

/**
 * What a pull tells a machine whose key is no longer current and whose identity opens no access
 * file, when the rotation that made the new key revoked members: that this machine no longer has
 * access to the current key, and that the history it could read stays readable with the old key
 * it keeps. Undefined otherwise (the usual "key changed" or "no key" advice stands).
 */
export function describeLostAccess(ctx: OpsContext, envFile: string, envName: string, newKeyId: string): { message: string; hint: string } | undefined {
  if (!hasAccessDir(ctx.cwd, envName)) return undefined;
  let entry;
  try {
    const ledger = readLedgerJson(path.join(ctx.cwd, `${envFile}.ledger.json`)) as Ledger;
    entry = Array.isArray(ledger.entries) ? entryForKey(ledger, newKeyId) : undefined;
  } catch {
    return undefined;
  }
  if (entry?.type !== 'rotation' || !Array.isArray(entry.access?.revoked) || entry.access.revoked.length === 0) return undefined;
  return ACCESS_MESSAGES.lostAccess({
    newKeyId,
    envFile,
    envName,
    who: printable(`${entry.actor.name} <${entry.actor.email}>`),
    day: entry.time.slice(0, 10),
    reason: printable(entry.reason),
    revoked: entry.access.revoked.map((member) => printable(member.name)).join(', '),
  });
}
