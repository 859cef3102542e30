import { characterClasses, shannonEntropy } from './scan/entropy.js';

/**
 * Which values are secrets: the one answer shared by the scan (which known values to look for),
 * masking (`run`, the library's `mask`) and `show` (what it may print). A value is a secret when
 * its name says so (a broad list of fragments, plus `sensitiveNames`), when it carries URL
 * credentials, or when it looks random whatever its name; a name listed in `publicNames` is never
 * one. A low-entropy value under an ordinary name (a greeting, a port, a log level) is not.
 */

export interface SensitivityPolicy {
  /** Extra names (exact, case-insensitive) whose values are secrets: `.envguard.json` `sensitiveNames`. */
  readonly sensitiveNames?: readonly string[];
  /** Names (exact, case-insensitive) whose values are never secrets: `.envguard.json` `publicNames`. */
  readonly publicNames?: readonly string[];
}

/** Fragments that make a name sensitive wherever they occur in it (`DB_PASSWORD`, `clientSecret`). */
export const SENSITIVE_FRAGMENTS: readonly string[] = [
  'PASSWORD', 'PASSWD', 'PASSPHRASE', 'SECRET', 'TOKEN', 'PRIVATE', 'CREDENTIAL', 'SIGNING', 'SIGNATURE',
  'APIKEY', 'ACCESSKEY', 'KEY', 'AUTH', 'SALT', 'PEPPER', 'COOKIE', 'SESSION', 'DATABASE_URL', 'CONNECTION_STRING',
];

/**
 * Short fragments that count only as a whole word of the name (`DB_PWD`, `SMTP_PASS`, `SENTRY_DSN`),
 * so that `COMPASS_URL` or `SPINNER` stay ordinary.
 */
export const SENSITIVE_WORDS: readonly string[] = ['PASS', 'PWD', 'PW', 'CRED', 'CREDS', 'DSN', 'PIN', 'OTP', 'SIG', 'JWT', 'HMAC', 'CERT', 'PEM', 'CONN', 'CONNSTR'];

/** True when the name (or `policy.sensitiveNames`) marks its value as a secret and `publicNames` does not exempt it. */
export function isSensitiveName(name: string, policy: SensitivityPolicy = {}): boolean {
  const upper = name.toUpperCase();
  if (policy.publicNames?.some((listed) => listed.toUpperCase() === upper)) return false;
  if (policy.sensitiveNames?.some((listed) => listed.toUpperCase() === upper)) return true;
  // AUTHOR is a person's name (GIT_AUTHOR_NAME), not an authorisation.
  const unglued = upper.replace(/AUTHOR/g, '_');
  if (SENSITIVE_FRAGMENTS.some((fragment) => unglued.includes(fragment))) return true;
  return nameWords(name).some((word) => SENSITIVE_WORDS.includes(word));
}

/** True when the name is listed in `publicNames`. */
export function isPublicName(name: string, policy: SensitivityPolicy = {}): boolean {
  const upper = name.toUpperCase();
  return policy.publicNames?.some((listed) => listed.toUpperCase() === upper) ?? false;
}

/** `dbPwd`, `DB_PWD`, `db-pwd.v2` → `DB`, `PWD`, (`V2`). */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((word) => word !== '');
}

/** `scheme://user:password@host`: credentials in a URL, whatever the variable is called. */
const URL_WITH_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s:@]*:[^/?#\s@]+@/i;
const URL_OR_PATH = /^(?:[a-z][a-z0-9+.-]*:\/\/[^@\s]*|\.{0,2}\/[^\s]*|~\/[^\s]*)$/i;
const HOST_OR_IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Words glued by case or separators (`MyApplicationName`, `log-level-debug`): identifiers, not keys. */
const WORDS = /^[A-Z]?[a-z]{2,}(?:[-_.]?(?:[A-Z]?[a-z]{2,}|\d{1,4}))*$/;

/**
 * True when a value looks random enough to be a key or token under any name: no whitespace (prose
 * is not a key), not a URL, path, host or UUID, and either three kinds of character or a long
 * high-entropy run of two kinds (lower-case hex, base32).
 */
export function isHighEntropyValue(value: string): boolean {
  if (value.length < 12 || /\s/.test(value)) return false;
  if (URL_OR_PATH.test(value) || HOST_OR_IP.test(value) || UUID.test(value) || WORDS.test(value)) return false;
  const classes = characterClasses(value);
  const entropy = shannonEntropy(value);
  if (classes >= 3) return entropy >= 3;
  return classes === 2 && value.length >= 20 && entropy >= 3.5;
}

/** Whole values that are settings, never secrets, whatever the name (`AUTH_ENABLED=true`, `SESSION_STORE=redis`). */
const SETTING = /^(?:true|false|yes|no|on|off|null|none|nil|undefined|enabled|disabled|localhost|development|production|staging|test|debug|info|warn|warning|error)$/i;

/** True for booleans, null words, log levels and environment names. */
export function isSettingValue(value: string): boolean {
  return SETTING.test(value.trim());
}

/** The verdict on one variable: whether it is a secret, and why (for debug output, never with the value). */
export type Sensitivity = 'name' | 'url-credentials' | 'entropy' | 'public';

/** Why a variable's value is a secret, or `'public'` when it is not. */
export function classifyVariable(name: string, value: string, policy: SensitivityPolicy = {}): Sensitivity {
  if (isPublicName(name, policy)) return 'public';
  if (isSensitiveName(name, policy)) return 'name';
  if (URL_WITH_CREDENTIALS.test(value.trim())) return 'url-credentials';
  if (isHighEntropyValue(value.trim())) return 'entropy';
  return 'public';
}

/** True when the variable's value is a secret (see {@link classifyVariable}). */
export function isSecretVariable(name: string, value: string, policy: SensitivityPolicy = {}): boolean {
  return classifyVariable(name, value, policy) !== 'public';
}
