import { parseNodes } from './parse.js';
import { dotenvParseError } from './parse-error.js';
import type { EnvEntry } from './types.js';

/**
 * Parses text that must be exactly one entry and nothing else: no line terminator after it, no
 * comment or blank line, no second entry. This is how a decrypted token's plaintext is checked
 * to be one entry, and (with `expectedName`) the entry its line in `.env.encrypted` names.
 * Errors name `fileName:line` and never quote the text.
 *
 * @param line the line number that `source` starts on, for error messages and the result
 * @param expectedName when given, the entry must have this name
 */
export function parseSingleEntry(source: string, fileName: string, line: number, expectedName?: string): EnvEntry {
  const nodes = parseNodes(source, fileName, line);
  const [node] = nodes;
  if (node === undefined) throw dotenvParseError(fileName, line, 'one variable entry', 'no text');
  if (node.kind !== 'entry') throw dotenvParseError(fileName, line, 'one variable entry', `a ${node.kind === 'comment' ? 'comment' : 'blank line'}`);
  if (nodes.length > 1 || node.newline !== '') {
    throw dotenvParseError(fileName, line, 'exactly one variable entry', nodes.some((other, i) => i > 0 && other.kind === 'entry') ? 'more than one' : 'more text after it');
  }
  if (expectedName !== undefined && node.name !== expectedName) {
    throw dotenvParseError(fileName, line, `an entry named ${expectedName}`, 'an entry with a different name', `line ${line} of ${fileName} holds another variable's entry (moved or tampered with); restore it with: git checkout -- ${fileName}`);
  }
  return node;
}
