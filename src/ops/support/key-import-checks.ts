import path from 'node:path';
import { fingerprint, parseKey, shortKeyId, type FernetKey } from '../../core/key.js';
import type { Ledger, RotationEntry } from '../../core/ledger/index.js';
import { verifyLedger } from '../../core/ledger/index.js';
import { EnvguardError, isEnvguardError } from '../../errors.js';
import { readLedgerJson } from '../../io/ledger-file.js';
import { KEY_OP_MESSAGES } from '../key-messages.js';

/**
 * What `key import` says about the key it was given. A malformed key is a paste gone wrong, not
 * a reason to make a new key: the hint says to copy it again. A key that does not match is
 * refused (exit 1); when the ledger shows it is an old, rotated-out key, the message says so and
 * who rotated (from a ledger that verifies; an unverified one is never quoted).
 */
export function parseImportedKey(text: string, envName: string): FernetKey {
  try {
    return parseKey(text, 'the imported key');
  } catch (error) {
    if (!isEnvguardError(error)) throw error;
    const flag = envName === 'default' ? '' : ` --env ${envName}`;
    throw new EnvguardError(error.code, error.message, { hint: KEY_OP_MESSAGES.copyKeyAgain(flag) });
  }
}

export function keyMismatchError(root: string, envFile: string, key: FernetKey, fileKeyId: string): EnvguardError {
  const encryptedFile = `${envFile}.encrypted`;
  const flag = envFile === '.env' ? '' : ` --env ${envFile.replace(/^\.env\./, '')}`;
  const hint = KEY_OP_MESSAGES.askForCurrentKey(flag, fileKeyId);
  const retired = rotationThatRetired(path.join(root, `${envFile}.ledger.json`), fingerprint(key));
  if (retired) {
    const who = `${clean(retired.actor.name)} <${clean(retired.actor.email)}>`;
    return new EnvguardError('KEY_MISMATCH', KEY_OP_MESSAGES.retiredKey(shortKeyId(key), who, clean(retired.time.slice(0, 10)), encryptedFile, fileKeyId), { hint });
  }
  return new EnvguardError('KEY_MISMATCH', KEY_OP_MESSAGES.otherKey(shortKeyId(key), encryptedFile, fileKeyId), { hint });
}

/** The completed rotation whose old key is `keyFingerprint`, from a ledger that verifies. */
function rotationThatRetired(ledgerFile: string, keyFingerprint: string): RotationEntry | undefined {
  try {
    const value = readLedgerJson(ledgerFile);
    if (!verifyLedger(value).valid) return undefined;
    return (value as Ledger).entries.find((entry): entry is RotationEntry => entry.type === 'rotation' && entry.status === 'completed' && entry.oldKeyFingerprint === keyFingerprint);
  } catch {
    return undefined;
  }
}

/** Ledger text reaches a terminal: no control characters, whatever the file holds. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
