import path from 'node:path';
import { entryForKey, verifyLedger, type Ledger } from '../../core/ledger/index.js';
import { printable } from '../../core/text/printable.js';
import { readLedgerJson } from '../../io/ledger-file.js';
import type { OpsContext } from '../context.js';
import { KEY_OP_MESSAGES } from '../key-messages.js';
import { checkKnownLedger } from './known-ledger.js';
import { envFlag, envNameOf } from '../../core/env-files.js';
import { shortKeyId } from '../../core/key.js';
import { keyVariablesFor, type ResolvedKey } from '../../io/key-store.js';

/**
 * Explains that an encrypted file is under a key this machine does not have: who rotated it,
 * when and why (from the ledger beside it), the new key id, and how to get it.
 */
export function describeKeyChange(ctx: OpsContext, envFile: string, newKeyId: string): { message: string; hint: string } {
  const envName = envNameOf(envFile);
  const env = envFlag(envName);
  // A variable set by hand (or left over from before a rotation) wins over the key store: then
  // nothing may have rotated at all, so say which variable holds what instead.
  const held = lookUp(() => ctx.keys.current(envName));
  if (held && keyVariablesFor(envName).includes(held.source) && shortKeyId(held.key) !== newKeyId) return wrongVariable(ctx, envFile, newKeyId, held);
  return KEY_OP_MESSAGES.keyChanged(envFile, newKeyId, rotatedBy(ctx, envFile, newKeyId), env);
}

/**
 * ", rotated by NAME <email> on DATE: REASON" from the ledger, or nothing when it does not say.
 * Quoted only from a ledger that verifies and continues the one this machine has seen (anyone
 * who can push can write a ledger), and only through `printable`: a newline or a terminal
 * escape in a name or reason must not forge a line of envguard's own output.
 */
function rotatedBy(ctx: OpsContext, envFile: string, keyId: string): string {
  try {
    const file = `${envFile}.ledger.json`;
    const value = readLedgerJson(path.join(ctx.cwd, file));
    if (!verifyLedger(value, { file }).valid) return '';
    const ledger = value as Ledger;
    if (checkKnownLedger(ctx, ledger, file) !== undefined) return '';
    const entry = entryForKey(ledger, keyId);
    if (!entry || entry.type !== 'rotation') return '';
    return printable(KEY_OP_MESSAGES.rotatedBy(entry.actor, entry.time.slice(0, 10), entry.reason));
  } catch {
    // No ledger, or one that does not parse: the message stands without the history.
    return '';
  }
}

/**
 * `ENVGUARD_KEY` (or `SECRETS_MASTER_KEY`, `ENVGUARD_KEY_<NAME>`) holds a key the file is not
 * under: name the variable, both key ids and, when another source on this machine has the
 * file's key, that unsetting the variable is the fix.
 */
function wrongVariable(ctx: OpsContext, envFile: string, newKeyId: string, held: ResolvedKey): { message: string; hint: string } {
  const envName = envNameOf(envFile);
  const env = envFlag(envName);
  const variables = keyVariablesFor(envName);
  const elsewhere = (lookUp(() => ctx.keys.known(envName)) ?? []).find((candidate) => !variables.includes(candidate.source) && shortKeyId(candidate.key) === newKeyId);
  return KEY_OP_MESSAGES.wrongVariable(held.source, shortKeyId(held.key), envFile, newKeyId, elsewhere?.source, env);
}

function lookUp<T>(find: () => T): T | undefined {
  try {
    return find();
  } catch {
    // A malformed variable or a failing keyCommand: the plain message below still stands.
    return undefined;
  }
}
