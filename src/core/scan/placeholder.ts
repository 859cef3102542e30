/**
 * Values that look like secrets but are not: documentation placeholders, template variables,
 * masked values. Shared by every tier so that `<your-key>` is never an alarm anywhere.
 */

const TEMPLATE = /\$\{[^}]*\}|\{\{[^}]*\}\}|<[^<>]{1,60}>|%\(?[a-z_]*\)?s|^\$[A-Z_][A-Z0-9_]*$|^%[A-Z_]+%$/i;
const PLACEHOLDER_WORDS =
  /x{4}|\*{3}|#{3}|\.{3}|\u2026|(?:^|[_-])here$|example|changeme|change[_-]me|placeholder|your[_-]?(?:own[_-]?)?(?:api|secret|key|token|pass|password)|replace[_-]?(?:me|this|with)|insert[_-]?(?:here|your)|redacted|dummy|sample|fixme|todo|not[_-]?a[_-]?(?:real|secret)/i;
/** Whole values that are words people put in config examples, not secrets. */
const COMMON = new Set([
  'password', 'passwd', 'pass', 'secret', 'token', 'apikey', 'api_key', 'root', 'admin', 'administrator', 'user', 'username',
  'postgres', 'mysql', 'guest', 'test', 'testing', 'default', 'none', 'null', 'undefined', 'true', 'false', 'yes', 'no',
  'localhost', 'changeit', 'letmein', 'qwerty', 'foobar', 'foo', 'bar', 'baz', 'secret123', 'password123',
]);

/** True for `${VAR}`, `<your-key>`, `changeme`, `xxxx`, `example`, a repeated character and the like. */
export function isPlaceholder(value: string): boolean {
  if (value.length === 0) return true;
  if (COMMON.has(value.toLowerCase())) return true;
  if (TEMPLATE.test(value) || PLACEHOLDER_WORDS.test(value)) return true;
  // A single character repeated (`0000000000`, `----------`) or a counting run is filler.
  if (/^(.)\1+$/.test(value)) return true;
  if (/0123456789|123456789|abcdefghij|ABCDEFGHIJ/.test(value) && value.length < 40) return true;
  return false;
}

/** Words that mark a value as test or fake data, for the generic tier only (provider formats keep e.g. `sk_test_`). */
export function isFakeMarker(value: string): boolean {
  return /test|fake|mock|stub|fixture|invalid|bogus|sample|demo/i.test(value);
}
