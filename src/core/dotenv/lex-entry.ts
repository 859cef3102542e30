import {
  endOfName,
  countLineBreaks,
  describeChar,
  isInlineSpace,
  isNameChar,
  isQuote,
  lineEnd,
  skipInlineSpace,
} from './chars.js';
import { findClosingQuote } from './closing-quote.js';
import { dotenvValue } from './dotenv-value.js';
import { dotenvParseError } from './parse-error.js';

/** Where the parts of one entry lie in the text, and its value. */
export interface EntryLex {
  readonly name: string;
  readonly value: string;
  /** Start of the value as written (its opening quote, or its first character). */
  readonly valueStart: number;
  /** End of the value as written (after the closing quote, or after its last non-space character). */
  readonly valueEnd: number;
  /** End of the entry, before its line terminator. */
  readonly end: number;
}

export interface LexPosition {
  readonly fileName: string;
  /** Line number of `lineStart`. */
  readonly line: number;
}

const UNICODE_LINE_SEPARATOR = /[\u2028\u2029]/;

/**
 * Reads one entry: `[export ]NAME=value`, `NAME: value`, with dotenv's whitespace rules, an
 * optional quoted value that may span lines, and an optional `# comment`. `nameStart` is the
 * first non-space character of the line at `lineStart`. Throws a PARSE_ERROR for the lines
 * dotenv would silently skip or misread (see `parse.ts` for the list).
 */
export function lexEntry(text: string, lineStart: number, nameStart: number, at: LexPosition): EntryLex {
  const head = lexHead(text, nameStart, at);
  const open = skipInlineSpace(text, head.valueFrom);
  const quote = text[open];
  if (!isQuote(quote)) return lexUnquoted(text, head.name, open, at);

  const { close, firstBare } = findClosingQuote(text, open, quote);
  if (close < 0) {
    const sameLine = firstBare >= 0 && lineEnd(text, open) > firstBare;
    const line = at.line + countLineBreaks(text.slice(lineStart, sameLine ? firstBare : open));
    throw sameLine
      ? dotenvParseError(at.fileName, line, 'the end of the line or a "#" comment after the closing quote', 'more text')
      : dotenvParseError(at.fileName, line, `a closing ${quote} followed by the end of the line or a "#" comment, for the value that starts here`, 'none before the end of the file');
  }
  const end = lineEnd(text, close + 1);
  if (UNICODE_LINE_SEPARATOR.test(text.slice(close + 1, end))) {
    const line = at.line + countLineBreaks(text.slice(lineStart, close));
    throw dotenvParseError(at.fileName, line, 'the end of the line or a "#" comment after the closing quote', describeChar('\u2028'));
  }
  return { name: head.name, value: dotenvValue(quote, text.slice(open + 1, close)), valueStart: open, valueEnd: close + 1, end };
}

function lexUnquoted(text: string, name: string, start: number, at: LexPosition): EntryLex {
  const end = lineEnd(text, start);
  const rest = text.slice(start, end);
  // dotenv reads U+2028 as a line end in some places and as text in others; refuse it outside quotes.
  if (UNICODE_LINE_SEPARATOR.test(rest)) throw dotenvParseError(at.fileName, at.line, 'a value on one line (quote it)', describeChar('\u2028'));
  const hash = rest.indexOf('#');
  const raw = hash < 0 ? rest : rest.slice(0, hash);
  return { name, value: dotenvValue(undefined, raw), valueStart: start, valueEnd: start + raw.trimEnd().length, end };
}

interface Head {
  readonly name: string;
  /** Index just after the separator (`=`, or `:` and its one required space). */
  readonly valueFrom: number;
}

type Separator = { readonly valueFrom: number } | { readonly problem: string };

/**
 * The name and separator. dotenv's `(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)` tries the `export`
 * prefix first and falls back to a variable literally named `export` (`export=1`, `export: 1`).
 */
function lexHead(text: string, nameStart: number, at: LexPosition): Head {
  const nameEnd = endOfName(text, nameStart);
  const name = text.slice(nameStart, nameEnd);
  if (name === 'export' && isInlineSpace(text[nameEnd])) {
    const prefixed = skipInlineSpace(text, nameEnd);
    if (isNameChar(text[prefixed])) {
      const prefixedEnd = endOfName(text, prefixed);
      const separator = separatorAt(text, prefixedEnd);
      if ('valueFrom' in separator) return { name: text.slice(prefixed, prefixedEnd), valueFrom: separator.valueFrom };
    }
  }
  const separator = separatorAt(text, nameEnd);
  if ('valueFrom' in separator) return { name, valueFrom: separator.valueFrom };
  throw dotenvParseError(at.fileName, at.line, '"=" after the variable name', separator.problem);
}

function separatorAt(text: string, nameEnd: number): Separator {
  const afterSpace = skipInlineSpace(text, nameEnd);
  if (text[afterSpace] === '=') return { valueFrom: afterSpace + 1 };
  if (text[nameEnd] === ':') {
    // `KEY: value` is dotenv's YAML-like form; its `:\s+?` would swallow a line break, so a
    // space is required on the same line.
    if (isInlineSpace(text[nameEnd + 1])) return { valueFrom: nameEnd + 2 };
    const after = text[nameEnd + 1];
    const found = after === undefined || after === '\n' || after === '\r' ? 'the end of the line' : 'no space';
    return { problem: `":" followed by ${found} (write "NAME=value" or "NAME: value")` };
  }
  const rest = text.slice(nameEnd, lineEnd(text, nameEnd));
  if (!rest.includes('=')) return { problem: 'a line with no "="' };
  return { problem: 'a space or a character not allowed in names (letters, digits, "_", "." and "-") before "="' };
}
