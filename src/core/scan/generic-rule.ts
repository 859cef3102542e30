import { characterClasses, shannonEntropy } from './entropy.js';
import { isFakeMarker, isPlaceholder } from './placeholder.js';
import { isDefaultSkippedValue } from './default-skips.js';
import { isFillerToken } from './false-alarm.js';

/**
 * The last tier: a secret-looking name (`password`, `secret`, `token`, `api_key`, …) assigned a
 * value that looks random. It runs only on lines no specific rule matched, and only judges
 * quoted literals, or bare values on config-style lines (`KEY=value`, `key: value`), so that
 * code such as `token = scanner.next()` is never read as a secret.
 */

export const GENERIC_RULE_ID = 'generic-secret';

/** Prefilter keywords: the generic regex runs only on lines containing one (case-insensitive). */
export const GENERIC_KEYWORDS: readonly string[] = [
  'password', 'passwd', 'passphrase', 'secret', 'token', 'api_key', 'apikey', 'api-key', 'api.key',
  'access_key', 'accesskey', 'access-key', 'auth_key', 'authkey', 'private_key', 'privatekey', 'credential',
];

const ASSIGNMENT =
  /([A-Za-z0-9_.-]*(?:password|passwd|passphrase|secret|token|api[_.-]?key|access[_.-]?key|auth[_.-]?key|private[_.-]?key|credentials?)[A-Za-z0-9_.-]*)["'`]?\s*(?::=|=>|=|:)\s*(?:(["'`])([^"'`\r\n\\]{8,200})\2|([^\s"'`,;(){}[\]<>]{8,200})(?=[\s,;]|$))/gi;
/** A bare (unquoted) value counts only when its key starts the line: `KEY=…`, `export KEY=…`, `- key: …`. */
const CONFIG_LINE_PREFIX = /^\s*(?:export\s+|-\s+)?["']?$/;
/** In source code an unquoted value is an expression (`token: nextToken2`), never a literal secret. */
const CODE_FILE = /\.(?:[cm]?[jt]sx?|java|kt|kts|scala|go|rs|py|rb|php|cs|c|cc|cpp|h|hpp|swift|m|dart|lua|ex|exs|clj|json|vue|svelte)$/i;
const IDENTIFIER_LIKE = /^[A-Za-z_$][A-Za-z_$]*(?:(?:\.|-|::|\/|:)[A-Za-z_$]+)*$/;
const EDGE_PUNCTUATION = /^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g;
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
const PATH_OR_URL = /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\|[a-z][a-z0-9+.-]*:\/\/)/i;
const NUMBER_OR_VERSION = /^v?[\d.,_:+-]+$/i;
/** `K8S_CRED`, `NEXUS-GPT4-API-KEY`: the name of a secret (a CI credential id, a vault entry), not its value. */
const SCREAMING_NAME = /^[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)+$/;
/** `X25519.secret_length`, `settings.apiToken`: a property read, written where a literal could be. */
const PROPERTY_READ = /^[A-Za-z_$][\w$]*(?:\.(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)*|[a-z]+(?:[A-Z][a-z0-9]*)+))+$/;
/** `api.internal.example.io`, `vault-0.vault.svc:8200`: a host name. */
const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d{1,5})?$/;
/**
 * Names whose value describes a secret rather than being one: `LLM_SECRET_NAME`, `CREDENTIALS_ID`,
 * `secret_length`, `TOKEN_URL`. Vault's AppRole `secret_id` is the exception: it is a secret.
 */
const DESCRIBES_A_SECRET =
  /(?:^|[_.-]|[a-z](?=[A-Z]))(?:names?|ids?|length|len|size|count|file|path|dir|url|uri|endpoint|host(?:name)?|type|field|header|param|env|var|prefix|suffix|alg(?:orithm)?|label|ref|ttl|expiry|expires(?:_at|_in)?|timeout|version|format|mode|policy|arn|kind|provider|hint|regex|pattern|location|store|hasher|cipher|scheme|kdf|strategy|backend|driver|manager|class|method)$/i;
const SECRET_ID = /secret[_.-]?id$/i;

export interface GenericMatch {
  /** Offset of the value in the line. */
  index: number;
  secret: string;
  /** The name it was assigned to (safe to print). */
  key: string;
}

/** Finds keyword-assigned high-entropy values on one line of `file` (its extension decides whether bare values count). */
export function findGenericSecrets(line: string, file = ''): GenericMatch[] {
  const bareAllowed = !CODE_FILE.test(file);
  const found: GenericMatch[] = [];
  ASSIGNMENT.lastIndex = 0;
  for (let match = ASSIGNMENT.exec(line); match !== null; match = ASSIGNMENT.exec(line)) {
    const key = match[1] as string;
    const quoted = match[3];
    const bare = match[4];
    if (bare !== undefined && (!bareAllowed || !CONFIG_LINE_PREFIX.test(line.slice(0, match.index)))) continue;
    const secret = (quoted ?? bare) as string;
    if (describesASecret(key) || !looksLikeSecret(secret, key)) continue;
    found.push({ index: match.index + match[0].lastIndexOf(secret), secret, key });
  }
  return found;
}

/** True for a key such as `LLM_SECRET_NAME` or `CREDENTIALS_ID` whose value names or measures a secret. */
export function describesASecret(key: string): boolean {
  return DESCRIBES_A_SECRET.test(key) && !SECRET_ID.test(key);
}

/** The judgement on a candidate value: random enough, and not a placeholder, identifier, path or number. */
export function looksLikeSecret(value: string, key = ''): boolean {
  // Secrets are printable ASCII; prose and translated messages are not.
  if (value.length < 8 || !PRINTABLE_ASCII.test(value)) return false;
  if (isPlaceholder(value) || isFakeMarker(value) || isDefaultSkippedValue(value) || isFillerToken(value)) return false;
  if (IDENTIFIER_LIKE.test(value.replace(EDGE_PUNCTUATION, '')) || PATH_OR_URL.test(value) || NUMBER_OR_VERSION.test(value)) return false;
  if (value.toLowerCase() === key.toLowerCase()) return false;
  if (SCREAMING_NAME.test(value) && [...value.matchAll(/\d/g)].length <= value.split(/[_-]/).length) return false;
  if (PROPERTY_READ.test(value) || HOST_NAME.test(value)) return false;
  // `secret_length = X25519.secret_length`: the value refers to the name, it is not a literal.
  if (key.length >= 6 && value.toLowerCase().includes(key.toLowerCase())) return false;
  // Encrypted envguard values are ciphertext, the opposite of a leak.
  if (value.startsWith('fernet:')) return false;
  const entropy = shannonEntropy(value);
  const classes = characterClasses(value);
  if (classes < 2 || entropy < 3) return false;
  // Without a digit, only a value that is clearly random counts: words in camelCase are not secrets.
  if (!/\d/.test(value) && (classes < 3 || entropy < 4)) return false;
  return value.length < 24 || entropy >= 3.5;
}
