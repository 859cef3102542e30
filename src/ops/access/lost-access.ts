import { printable } from '../../core/text/printable.js';
import path from 'node:path';
import { entryForKey, type Ledger } from '../../core/ledger/index.js';
import { readLedgerJson } from '../../io/ledger-file.js';
import type { OpsContext } from '../context.js';
import { hasAccessDir } from './env-grants.js';

/**
 * What a pull tells a machine whose key is no longer current and whose identity opens no access
 * file, when the rotation that made the new key revoked members: that this machine no longer has
 * access to the current key, and that the history it could read stays readable with the old key
 * it keeps. Undefined otherwise (the usual "key changed" or "no key" advice stands).
 */
export function describeLostAccess(ctx: OpsContext, envFile: string, envName: string, newKeyId: string): { message: string; hint: string } | undefined {
  if (!hasAccessDir(ctx.cwd, envName)) return undefined;
  const env = envName === 'default' ? '' : ` --env ${envName}`;
  let entry;
  try {
    const ledger = readLedgerJson(path.join(ctx.cwd, `${envFile}.ledger.json`)) as Ledger;
    entry = Array.isArray(ledger.entries) ? entryForKey(ledger, newKeyId) : undefined;
  } catch {
    return undefined;
  }
  if (entry?.type !== 'rotation' || !Array.isArray(entry.access?.revoked) || entry.access.revoked.length === 0) return undefined;
  const who = printable(`${entry.actor.name} <${entry.actor.email}>`);
  const revoked = entry.access.revoked.map((member) => printable(member.name)).join(', ');
  return {
    message: `you no longer have access to the current key ${newKeyId} of ${envFile}: ${who} rotated it on ${entry.time.slice(0, 10)} (${printable(entry.reason)}), revoking ${revoked}, and no access file opens with this machine's identity; the history you could read stays readable with the old key this machine keeps`,
    hint: `if this is a mistake, run \`envguard access request${env}\` and send the line to a member`,
  };
}
