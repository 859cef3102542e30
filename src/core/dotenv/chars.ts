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

/*
 * The scanners below are sticky regular expressions rather than loops over characters: one
 * native search per token instead of a string and a regex test per character, which is most of
 * a cold parse (issue 14: a hook parses .env in code that has not warmed up).
 */
const TO_LINE_END = /[^\n\r]*/y;
const INLINE_SPACES = /[^\S\n\r\u2028\u2029]*/y;
const NAME_CHARS = /[\w.-]*/y;

/** The index just past the run `sticky` matches at `from` (`from` itself past the end of the text). */
function runEnd(sticky: RegExp, text: string, from: number): number {
  sticky.lastIndex = from;
  return sticky.test(text) ? sticky.lastIndex : from;
}

/** Index of the next `\n` or `\r` at or after `from`, or the text length. */
export function lineEnd(text: string, from: number): number {
  return Math.min(runEnd(TO_LINE_END, text, from), text.length);
}

/** Index of the first non-inline-space character at or after `from`. */
export function skipInlineSpace(text: string, from: number): number {
  return runEnd(INLINE_SPACES, text, from);
}

/** Index of the first character at or after `from` that cannot be in a name. */
export function endOfName(text: string, from: number): number {
  return runEnd(NAME_CHARS, text, from);
}

const LINE_BREAK = /\r\n|\n|\r/g;

/** Number of line breaks (`\r\n`, `\n`, or a lone `\r`, as dotenv normalises them) in `text`. */
export function countLineBreaks(text: string): number {
  LINE_BREAK.lastIndex = 0;
  let count = 0;
  while (LINE_BREAK.test(text)) count += 1;
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
