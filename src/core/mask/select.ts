/**
 * Which values get masked. A value under a sensitive name is masked even when short; any other
 * value only when it is long enough, and unlike enough to ordinary output, that hiding every
 * occurrence of it will not blank out unrelated text.
 */

/** Name fragments (upper-case) that mark a variable as sensitive. */
export const SENSITIVE_NAME_PARTS: readonly string[] = ['PASSWORD', 'PASSWD', 'SECRET', 'KEY', 'TOKEN', 'PRIVATE', 'CREDENTIAL'];

/**
 * Shortest sensitive value that is masked. One or two characters would hide every occurrence of
 * e.g. `a` or `42` in the output while protecting nothing: a two-character secret is guessed instantly.
 */
export const MIN_SENSITIVE_LENGTH = 3;

/** Shortest value under an ordinary name that is masked: shorter ones are ports, flags, levels. */
export const MIN_PLAIN_LENGTH = 8;

/** Long ordinary values that are everywhere in logs and are never secrets. */
const HARMLESS_WORDS = new Set([
  'production', 'development', 'localhost', 'localhost.localdomain', 'undefined', 'disabled', 'enabled',
  'staging', 'testing', 'warning', 'verbose', 'critical', 'informational', '127.0.0.1', '0.0.0.0',
]);
const NUMBER = /^[+-]?(?:\d+(?:[._]\d+)*|\d*\.\d+)(?:e[+-]?\d+)?$/i;
const BOOLEAN = /^(?:true|false|yes|no|on|off)$/i;
/** A local development URL with no credentials in it ("listening on http://localhost:3000"). */
const LOCAL_URL = /^https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::\d+)?(?:\/[^@]*)?$/i;

export interface SensitivityOptions {
  /** Extra variable names (exact, case-insensitive) to treat as sensitive, e.g. from `.envguard.json`. */
  sensitiveNames?: readonly string[];
}

/** True when the variable's name marks it as sensitive (a fragment above, or listed in the options). */
export function isSensitiveName(name: string, options: SensitivityOptions = {}): boolean {
  const upper = name.toUpperCase();
  if (options.sensitiveNames?.some((listed) => listed.toUpperCase() === upper)) return true;
  return SENSITIVE_NAME_PARTS.some((part) => upper.includes(part));
}

/**
 * Whether a value should be masked: sensitive values from {@link MIN_SENSITIVE_LENGTH} characters,
 * others from {@link MIN_PLAIN_LENGTH} characters unless they are a number, a boolean, a common
 * word or a local URL.
 */
export function shouldMaskValue(value: string, sensitive: boolean): boolean {
  const trimmed = value.trim();
  if (sensitive) return trimmed.length >= MIN_SENSITIVE_LENGTH;
  if (trimmed.length < MIN_PLAIN_LENGTH) return false;
  return !(NUMBER.test(trimmed) || BOOLEAN.test(trimmed) || HARMLESS_WORDS.has(trimmed.toLowerCase()) || LOCAL_URL.test(trimmed));
}
