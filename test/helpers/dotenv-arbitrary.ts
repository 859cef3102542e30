/**
 * fast-check arbitraries for `.env` text: `envText()` produces documents that dotenv and envguard
 * both accept, with every feature the lossless model must keep (export, quotes of three kinds,
 * multi-line values, inline comments, CRLF and mixed line ends, a BOM, unicode, duplicates);
 * `nastyText()` produces arbitrary text from the characters that matter to the grammar.
 */
import fc from 'fast-check';

const inlineSpace = fc.string({ unit: fc.constantFrom(' ', '\t', '\u00a0', '\u3000'), maxLength: 2 });
const someSpace = fc.string({ unit: fc.constantFrom(' ', '\t'), minLength: 1, maxLength: 2 });

/** Characters of a value or comment, none of them a line end. */
const TEXT_CHARS = ['a', 'Z', '0', ' ', '=', ':', '$', '{', '}', '(', ')', '\\', '"', "'", '`', '#', 'n', 'r', 'é', '🔑', 'ключ', '鍵', '\t', '\u00a0', '\ufeff', '/', '+'];

export const envName = fc.oneof(
  fc.constantFrom('A', 'DB_PASSWORD', 'export', 'a.b', 'x-y', '_', '1A', 'API_KEY'),
  fc.stringMatching(/^[A-Za-z_][\w.-]{0,8}$/),
);

const commentText = fc.string({ unit: fc.constantFrom(...TEXT_CHARS), maxLength: 12 });

const unquotedValue = fc
  .string({ unit: fc.constantFrom(...TEXT_CHARS.filter((c) => c !== '#')), maxLength: 12 })
  .map((value) => (/^[^\S\n\r]*['"`]/.test(value) ? `x${value}` : value));

function quotedValue(quote: string): fc.Arbitrary<string> {
  const unit = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...TEXT_CHARS.filter((c) => c !== quote)) },
    { weight: 2, arbitrary: fc.constantFrom('\n', '\r\n') },
    { weight: 1, arbitrary: fc.constantFrom(`\\${quote}`, '\r', '\\n', '\\r', '${VAR}', '$(id)') },
  );
  return fc
    .array(unit, { maxLength: 12 })
    .map((parts) => parts.join(''))
    .map((content) => (content.endsWith('\\') ? `${content}x` : content))
    .map((content) => `${quote}${content}${quote}`);
}

const value = fc.oneof(unquotedValue, quotedValue("'"), quotedValue('"'), quotedValue('`'));

const entryLine = fc
  .record({
    lead: inlineSpace,
    exported: fc.option(someSpace, { nil: undefined }),
    name: envName,
    separator: fc.constantFrom('=', ' =', ' = ', '\t=', ': ', ':\t'),
    space: inlineSpace,
    value,
    comment: fc.option(fc.tuple(inlineSpace, commentText), { nil: undefined }),
  })
  .map(({ lead, exported, name, separator, space, value, comment }) => {
    const prefix = exported === undefined ? '' : `export${exported}`;
    // An unquoted value ends at any "#", so its comment needs no space; a quoted one may take one.
    const tail = comment === undefined ? '' : `${comment[0]}#${comment[1]}`;
    return `${lead}${prefix}${name}${separator}${space}${value}${tail}`;
  });

const triviaLine = fc.oneof(inlineSpace, fc.tuple(inlineSpace, commentText).map(([lead, text]) => `${lead}#${text}`));

const line = fc.oneof({ weight: 3, arbitrary: entryLine }, { weight: 1, arbitrary: triviaLine });

/** A whole `.env` text both parsers accept. */
export function envText(): fc.Arbitrary<string> {
  return fc
    .record({
      bom: fc.boolean(),
      lines: fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n')), { maxLength: 12 }),
      last: fc.constantFrom('', '\n', '\r\n'),
    })
    .map(({ bom, lines, last }) => {
      const text = lines.map(([source, newline]) => source + newline).join('');
      const trimmed = last === '' && lines.length > 0 ? text.replace(/\r?\n$/, '') : text;
      return (bom ? '\ufeff' : '') + trimmed;
    });
}

/** Arbitrary text from the characters that matter to the grammar, valid or not. */
export function nastyText(): fc.Arbitrary<string> {
  const unit = fc.constantFrom('A', 'B', 'x', '=', ':', ' ', '\t', '\n', '\r', '\r\n', '"', "'", '`', '\\', '#', 'export ', 'n', '$', '\u2028', '\ufeff', 'é', '_');
  return fc.array(unit, { maxLength: 30 }).map((parts) => parts.join(''));
}
