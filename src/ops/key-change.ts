import path from 'node:path';
import { entryForKey, type Ledger } from '../core/ledger/index.js';
import { readLedgerJson } from '../io/ledger-file.js';
import type { OpsContext } from './context.js';

/**
 * Explains that an encrypted file is under a key this machine does not have: who rotated it,
 * when and why (from the ledger beside it), the new key id, and how to get it.
 */
export function describeKeyChange(ctx: OpsContext, envFile: string, newKeyId: string): { message: string; hint: string } {
  const env = envFile === '.env' ? '' : ` --env ${envFile.replace(/^\.env\./, '')}`;
  return {
    message: `the key changed: ${envFile}.encrypted is now under key ${newKeyId}${rotatedBy(ctx, envFile, newKeyId)}, which this machine does not have`,
    hint: `ask a member to grant you access (run \`envguard access request${env}\` and send them the line), or ask the teammate who rotated for the new key (\`envguard key export${env}\` on their side) and run \`envguard key import${env}\``,
  };
}

/** ", rotated by NAME <email> on DATE (reason)" from the ledger, or nothing when it does not say. */
function rotatedBy(ctx: OpsContext, envFile: string, keyId: string): string {
  try {
    const ledger = readLedgerJson(path.join(ctx.cwd, `${envFile}.ledger.json`)) as Ledger;
    const entry = Array.isArray(ledger.entries) ? entryForKey(ledger, keyId) : undefined;
    if (!entry || entry.type !== 'rotation') return '';
    return ` (rotated by ${entry.actor.name} <${entry.actor.email}> on ${entry.time.slice(0, 10)}: ${entry.reason})`;
  } catch {
    // No ledger, or one that does not parse: the message stands without the history.
    return '';
  }
}
