import path from 'node:path';
import { ledgerPathFor } from '../core/env-files.js';
import type { LedgerEntry } from '../core/ledger/types.js';
import { readTextIfExists } from '../io/read-file.js';
import type { OpsContext } from './context.js';

/**
 * Explains that an encrypted file is under a key this machine does not have: who rotated it and
 * when (from the ledger, which holds no secret), the new key id, and how to get it.
 */
export function describeKeyChange(ctx: OpsContext, envFile: string, newKeyId: string): { message: string; hint: string } {
  const env = envFile === '.env' ? '' : ` --env ${envFile.replace(/^\.env\./, '')}`;
  const rotation = rotationTo(ctx, envFile, newKeyId);
  const who = rotation ? `; ${rotation.actor.name} <${rotation.actor.email}> rotated it on ${rotation.time.slice(0, 10)}${rotation.reason ? ` ("${rotation.reason}")` : ''}` : '';
  const from = rotation ? `${rotation.actor.name}` : 'the teammate who rotated it';
  return {
    message: `the key changed: ${envFile}.encrypted is now under key ${newKeyId}, which this machine does not have${who}`,
    hint: `ask ${from} for the new key (\`envguard key export${env}\` on their side), then run \`envguard key import${env}\``,
  };
}

/**
 * The ledger entry that made `keyId` current, read without verification: it only words a
 * message (`envguard verify` is what judges the ledger).
 */
function rotationTo(ctx: OpsContext, envFile: string, keyId: string): LedgerEntry | undefined {
  try {
    const text = readTextIfExists(path.join(ctx.cwd, ledgerPathFor(envFile)));
    if (text === undefined) return undefined;
    const ledger = JSON.parse(text) as { entries?: LedgerEntry[] };
    const entries = Array.isArray(ledger.entries) ? ledger.entries : [];
    return [...entries].reverse().find(
      (entry) => entry.type === 'rotation' && entry.status === 'completed' && typeof entry.newKeyFingerprint === 'string' && entry.newKeyFingerprint.startsWith(`sha256:${keyId}`),
    );
  } catch {
    return undefined;
  }
}
