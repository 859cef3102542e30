import { EnvguardError } from '../errors.js';
import { decryptToken } from './fernet.js';
import { shortKeyId, type FernetKey } from './key.js';
import { parseNodes } from './dotenv/parse.js';
import { parseDotenv } from './dotenv/parse.js';
import type { EnvNode } from './dotenv/types.js';
import { decodeUtf8Strict } from './text/utf8.js';
import type { EncryptedEntryLine, EncryptedFile, EncryptedTrailerLine } from './encrypted-file-types.js';

/**
 * Decrypts an encrypted file back to the exact `.env` text. Every token must verify under `key`;
 * an entry token must hold comment or blank lines then exactly one entry named as its line says,
 * a trailer token only comment or blank lines. Otherwise the error names file and line.
 */
export function decryptEncryptedFile(file: EncryptedFile, key: FernetKey, fileName: string): string {
  if (file.format === 'whole') return decodeUtf8Strict(decryptOrExplain(key, file.token, fileName, 1), fileName);
  if (file.keyId !== shortKeyId(key)) {
    throw new EnvguardError('DECRYPT_FAILED', `${fileName} is encrypted with key ${file.keyId}, but the key found is ${shortKeyId(key)}`, {
      hint: 'get the current key from a teammate (`envguard key export` on their side, `envguard key import` on yours); `envguard status` shows who rotated it',
    });
  }
  let out = file.bom ? '\uFEFF' : '';
  const expected: string[] = [];
  for (const line of file.lines) {
    if (line.kind === 'trivia') {
      out += line.text;
    } else if (line.kind === 'trailer') {
      out += decryptTrailer(line, key, fileName);
    } else {
      const plaintext = decryptEntry(line, key, fileName);
      expected.push(entryOf(parseNodes(plaintext, fileName, line.line)).source);
      out += plaintext;
    }
  }
  // Each token checked alone; now the whole: v1 comment lines are copied unauthenticated, and a
  // token without its line end would join the next entry. Either must not hand back a .env that
  // does not parse, or parses to other entries than the tokens hold.
  let nodes: readonly EnvNode[];
  try {
    nodes = parseDotenv(out, fileName).nodes;
  } catch (error) {
    throw editedByHand(fileName, error);
  }
  const actual = nodes.flatMap((node) => (node.kind === 'entry' ? [node.source] : []));
  if (actual.length !== expected.length || actual.some((source, index) => source !== expected[index])) throw editedByHand(fileName);
  return out;
}

/** The plaintext of one entry line, checked to be comments then a single entry under the line's own name. */
export function decryptEntry(line: EncryptedEntryLine, key: FernetKey, fileName: string): string {
  const plaintext = decodeUtf8Strict(decryptOrExplain(key, line.token, fileName, line.line), fileName, line.line);
  let name: string | undefined;
  try {
    name = entryOf(parseNodes(plaintext, fileName, line.line)).name;
  } catch {
    name = undefined;
  }
  if (name !== line.name) {
    throw new EnvguardError('DECRYPT_FAILED', `${fileName}:${line.line}: the token under ${line.name} belongs to another variable (moved or edited by hand)`, {
      hint: `restore the file with \`git checkout -- ${fileName}\`, or re-encrypt from .env with \`envguard encrypt --force\``,
    });
  }
  return plaintext;
}

function decryptTrailer(line: EncryptedTrailerLine, key: FernetKey, fileName: string): string {
  const plaintext = decodeUtf8Strict(decryptOrExplain(key, line.token, fileName, line.line), fileName, line.line);
  let onlyTrivia = false;
  try {
    const nodes = parseNodes(plaintext, fileName, line.line);
    onlyTrivia = nodes.length > 0 && nodes.every((node) => node.kind !== 'entry');
  } catch {
    onlyTrivia = false;
  }
  if (!onlyTrivia) {
    throw new EnvguardError('DECRYPT_FAILED', `${fileName}:${line.line}: the trailing-comments token holds a variable (moved or edited by hand)`, {
      hint: `restore the file with \`git checkout -- ${fileName}\`, or re-encrypt from .env with \`envguard encrypt --force\``,
    });
  }
  return plaintext;
}

/** The entry of a token's nodes: comments and blanks, then exactly one entry, last. */
function entryOf(nodes: readonly EnvNode[]): Extract<EnvNode, { kind: 'entry' }> {
  const last = nodes[nodes.length - 1];
  if (last?.kind !== 'entry' || nodes.slice(0, -1).some((node) => node.kind === 'entry')) throw new TypeError('not one entry');
  return last;
}

function decryptOrExplain(key: FernetKey, token: string, fileName: string, line: number): Buffer {
  try {
    return decryptToken(key, token).plaintext;
  } catch (error) {
    throw new EnvguardError('DECRYPT_FAILED', `${fileName}:${line}: the token is damaged, truncated or was encrypted with a different key`, {
      hint: `check the key with \`envguard status\`, or restore the file with \`git checkout -- ${fileName}\``,
      cause: error,
    });
  }
}

function editedByHand(fileName: string, cause?: unknown): EnvguardError {
  return new EnvguardError('FORMAT_INVALID', `${fileName}: a line was edited by hand and breaks the decrypted file`, {
    hint: `restore the file with \`git checkout -- ${fileName}\`, or re-encrypt from .env with \`envguard encrypt --force\``,
    cause,
  });
}
