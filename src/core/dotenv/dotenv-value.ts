import type { Quote } from './chars.js';

/**
 * The value dotenv's `parse()` gives for a raw value, reproduced step for step from its
 * `lib/main.js`: line breaks are normalised to `\n` first, quotes are removed, and only in
 * double quotes are the two escapes `\n` and `\r` expanded (nothing else: `\"` and `\\` stay
 * as written). `${VAR}` and `$(cmd)` are plain text here, never expanded or run.
 *
 * @param quote the quote around the value, or `undefined` for an unquoted value
 * @param raw for a quoted value the text between the quotes; otherwise the text before any `#`
 */
export function dotenvValue(quote: Quote | undefined, raw: string): string {
  if (quote === undefined) return raw.trim();
  const content = raw.replace(/\r\n?/g, '\n');
  return quote === '"' ? content.replace(/\\n/g, '\n').replace(/\\r/g, '\r') : content;
}
