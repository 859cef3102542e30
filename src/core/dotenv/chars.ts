/**
 * Character classes of the `.env` grammar, chosen to be exactly those of dotenv's LINE regex
 * (`lib/main.js`): names are `[\w.-]+` (ASCII `\w`), whitespace is JavaScript's `\s`.
 * Mirroring its classes is what keeps our values equal to `dotenv.parse()`.
 */

const NAME_CHAR = /[\w.-]/;
/** `\s` without the line terminators: the whitespace allowed inside one line. */
const INLINE_SPACE = /[^\S\n\r\u2028\u2029]/;

export const QUOTES = ["'", '"', '`'] as const;
export type Quote = (typeof QUOTES)[number];

export function isNameChar(char: string | undefined): boolean {
  return char !== undefined && NAME_CHAR.test(char);
}

export function isInlineSpace(char: string | undefined): boolean {
  return char !== undefined && INLINE_SPACE.test(char);
}

export function isQuote(char: string | undefined): char is Quote {
  return char === "'" || char === '"' || char === '`';
}

/** U+2028 / U+2029: JavaScript treats them as line ends in `$` and `.`, so dotenv does too. */
export function isUnicodeLineSeparator(char: string | undefined): boolean {
  return char === '\u2028' || char === '\u2029';
}

/** Index of the next `\n` or `\r` at or after `from`, or the text length. */
export function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** Index of the first non-inline-space character at or after `from`. */
export function skipInlineSpace(text: string, from: number): number {
  let i = from;
  while (isInlineSpace(text[i])) i += 1;
  return i;
}

/** Number of line breaks (`\r\n`, `\n`, or a lone `\r`, as dotenv normalises them) in `text`. */
export function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count += 1;
  }
  return count;
}

/**
 * Describes a character for an error message without echoing it: a malformed line may hold
 * a secret, so only structural characters are named.
 */
export function describeChar(char: string | undefined): string {
  if (char === undefined || char === '\n' || char === '\r') return 'the end of the line';
  if (isQuote(char)) return `a quote (${char})`;
  if (char === '=' || char === ':' || char === '#') return `"${char}"`;
  if (isUnicodeLineSeparator(char)) return 'a Unicode line separator (U+2028/U+2029)';
  if (isInlineSpace(char)) return 'whitespace';
  return 'a character that is not allowed there';
}
