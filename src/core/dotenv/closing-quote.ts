import { isUnicodeLineSeparator, skipInlineSpace, type Quote } from './chars.js';

export interface ClosingQuote {
  /** Index of the quote that closes the value, or -1 when dotenv would not read it as quoted. */
  readonly close: number;
  /** Index of the first quote not preceded by a backslash, or -1 (used to word the error). */
  readonly firstBare: number;
}

/**
 * Finds the quote that closes a quoted value the way dotenv's regex settles it, so that our
 * value and our entry boundaries agree with `dotenv.parse()`. Its quoted alternative is
 * `'(?:\\'|[^'])*'` followed by `\s*(?:#.*)?$`: the greedy loop stops at the first quote not
 * preceded by a backslash; if what follows that quote is not the end of the line or a comment,
 * backtracking retries each backslash-escaped quote before it, last one first.
 * One forward scan plus one pass back over the escaped quotes: linear, no regex backtracking.
 */
export function findClosingQuote(text: string, open: number, quote: Quote): ClosingQuote {
  const escaped: number[] = [];
  let firstBare = -1;
  for (let k = text.indexOf(quote, open + 1); k >= 0; k = text.indexOf(quote, k + 1)) {
    if (text[k - 1] === '\\') {
      escaped.push(k);
    } else {
      firstBare = k;
      break;
    }
  }
  if (firstBare >= 0 && endsValue(text, firstBare + 1)) return { close: firstBare, firstBare };
  for (let i = escaped.length - 1; i >= 0; i -= 1) {
    const candidate = escaped[i] as number;
    if (endsValue(text, candidate + 1)) return { close: candidate, firstBare };
  }
  return { close: -1, firstBare };
}

/**
 * Whether dotenv's tail `\s*(?:#.*)?$` (multiline) matches at `from`: the rest of the line is
 * whitespace, optionally followed by a `#` comment. JavaScript ends a line at `\n`, `\r`, U+2028
 * and U+2029, so all four count here exactly as they do in dotenv.
 */
export function endsValue(text: string, from: number): boolean {
  const i = skipInlineSpace(text, from);
  const c = text[i];
  if (c === undefined || c === '\n' || c === '\r' || isUnicodeLineSeparator(c)) return true;
  return c === '#';
}
