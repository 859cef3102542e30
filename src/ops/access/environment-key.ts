import { pathExists } from '../../io/read-file.js';
import { failure } from '../../errors.js';
import { fingerprint, shortKeyId, type FernetKey } from '../../core/key.js';
import { currentKeyEntry, sameText, type Ledger } from '../../core/ledger/index.js';
import { findLedgerEnvironments, ledgerFileName, ledgerPath, readVerifiedLedger } from '../../io/ledger-file.js';
import type { OpsContext } from '../context.js';
import { ACCESS_MESSAGES } from './access-messages.js';

/**
 * The environments an access command works on: `--all` is every environment with a ledger,
 * otherwise the one named (default `default`), which must have a ledger.
 */
export function accessEnvironments(root: string, options: { environment?: string; all?: boolean }): string[] {
  if (options.all) {
    const all = findLedgerEnvironments(root);
    if (all.length === 0) throw failure('NOT_FOUND', ACCESS_MESSAGES.noLedger());
    return all;
  }
  const environment = options.environment ?? 'default';
  if (!pathExists(ledgerPath(root, environment))) {
    throw failure('NOT_FOUND', ACCESS_MESSAGES.noSuchEnvironment(ledgerFileName(environment), environment));
  }
  return [environment];
}

/**
 * The environment's verified ledger and its current key, which this machine must hold: only a key
 * holder can sign a grant, and a key that is not the ledger's current one would wrap a dead key.
 */
export function currentEnvironmentKey(ctx: OpsContext, root: string, environment: string): { key: FernetKey; ledger: Ledger } {
  const ledger = readVerifiedLedger(ledgerPath(root, environment));
  const { key } = ctx.keys.require(environment);
  const wanted = currentKeyEntry(ledger).newKeyFingerprint;
  if (!sameText(fingerprint(key), wanted)) {
    throw failure('KEY_INVALID', ACCESS_MESSAGES.notCurrentKey(environment, shortKeyId(key), shortKeyId(wanted)));
  }
  return { key, ledger };
}
