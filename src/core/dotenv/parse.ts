import { countLineBreaks, describeChar, isNameChar, lineEnd, skipInlineSpace } from './chars.js';
import { lexEntry, type EntryLex } from './lex-entry.js';
import { dotenvParseError } from './parse-error.js';
import type { EnvDocument, EnvNode, EnvTrivia } from './types.js';

const UTF8_BOM = '\ufeff';

/**
 * Parses a `.env` file into a lossless document: `serializeDotenv(parseDotenv(text)) === text`.
 * Every value equals what `dotenv.parse()` (v17) gives for the same text. Where dotenv silently
 * skips or misreads a malformed line, this throws a PARSE_ERROR naming the line instead:
 * - a line that is not blank, a comment or an entry (`FOO` alone, `FOO BAR=1`, `=x`, `'x'`):
 *   dotenv skips it, or joins it to a neighbouring line (`FOO` then `=x` reads as FOO=x);
 * - a quoted value with no closing quote that ends a line: dotenv keeps the opening quote as text;
 * - text after a closing quote (`A="x" y`): dotenv keeps the quotes as text;
 * - `KEY:` not followed by a space on the same line: dotenv skips `KEY:value` and reads
 *   `KEY:` at the end of a line as taking the next line as its value;
 * - a lone carriage return as a line end (`\r` without `\n`), outside quotes;
 * - U+2028/U+2029 outside quotes, which dotenv treats as a line end in some places only.
 * The one difference on accepted input: a variable named `__proto__` is kept here, while dotenv's
 * plain-object result drops it.
 *
 * @param fileName used only in error messages
 */
export function parseDotenv(text: string, fileName = '.env'): EnvDocument {
  const bom = text.startsWith(UTF8_BOM);
  return { bom, nodes: parseNodes(bom ? text.slice(1) : text, fileName, 1) };
}

/**
 * Parses text into nodes, numbering lines from `firstLine`. A leading U+FEFF is whitespace here;
 * only `parseDotenv` treats it as a byte order mark.
 */
export function parseNodes(text: string, fileName: string, firstLine: number): EnvNode[] {
  const nodes: EnvNode[] = [];
  let lineStart = 0;
  let line = firstLine;
  while (lineStart < text.length) {
    const first = skipInlineSpace(text, lineStart);
    const char = text[first];
    let kind: EnvNode['kind'];
    let end: number;
    let entry: EntryLex | undefined;
    if (char === undefined || char === '\n' || char === '\r') {
      kind = 'blank';
      end = first;
    } else if (char === '#') {
      kind = 'comment';
      end = lineEnd(text, first);
      // dotenv ends a comment at U+2028 and reads what follows as a new line.
      if (/[\u2028\u2029]/.test(text.slice(first, end))) throw dotenvParseError(fileName, line, 'a comment on one line', describeChar('\u2028'));
    } else if (isNameChar(char)) {
      kind = 'entry';
      entry = lexEntry(text, lineStart, first, { fileName, line });
      end = entry.end;
    } else {
      throw dotenvParseError(fileName, line, 'a variable name, a "#" comment or a blank line', `a line starting with ${describeChar(char)}`);
    }
    const source = text.slice(lineStart, end);
    const lastLine = entry === undefined ? line : line + countLineBreaks(source);
    const newline = terminatorAt(text, end, fileName, lastLine);
    // One object literal per kind, created once, so every node of a kind has the same shape.
    nodes.push(
      entry === undefined
        ? { kind: kind as EnvTrivia['kind'], source, newline, line }
        : { kind: 'entry', name: entry.name, value: entry.value, source, newline, line },
    );
    line = lastLine + (newline === '' ? 0 : 1);
    lineStart = end + newline.length;
  }
  return nodes;
}

/** The line terminator at `index`: `\n`, `\r\n`, or `` at the end of the text. */
function terminatorAt(text: string, index: number, fileName: string, line: number): '\n' | '\r\n' | '' {
  if (index >= text.length) return '';
  if (text[index] === '\n') return '\n';
  if (text[index + 1] === '\n') return '\r\n';
  throw dotenvParseError(fileName, line, 'a line ending "\\n" or "\\r\\n"', 'a carriage return on its own');
}
