import { isHighEntropyValue, isSecretVariable, isSettingValue, type SensitivityPolicy } from '../sensitivity.js';

/**
 * How a value is masked. Which values are secrets is the sensitivity module's answer (the same
 * one the scan and `show` use); here only the short ones are set apart: they are hidden as whole
 * words, so a PIN `4711` is masked in `pin=4711` but not inside `14711`.
 */

/** From this many characters a secret is hidden wherever it occurs, inside longer words too. */
export const MIN_ANYWHERE_LENGTH = 6;

export type MaskMode = 'none' | 'word' | 'anywhere';

/**
 * `sensitive` (when given) overrides what the name says; a value is then still a secret when it
 * carries URL credentials or looks random. Setting words (`true`, `production`) are never masked.
 */
export function maskMode(name: string, value: string, sensitive: boolean | undefined, policy: SensitivityPolicy = {}): MaskMode {
  const trimmed = value.trim();
  if (trimmed === '' || isSettingValue(trimmed)) return 'none';
  // An explicit `false` leaves only what the value itself shows (URL credentials, randomness).
  const secret = sensitive === true || isSecretVariable(sensitive === false ? '' : name, value, policy);
  if (!secret) return 'none';
  return trimmed.length >= MIN_ANYWHERE_LENGTH || isHighEntropyValue(trimmed) ? 'anywhere' : 'word';
}
