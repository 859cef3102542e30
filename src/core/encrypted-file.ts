import { EnvguardError } from '../errors.js';
import { decryptToken, encryptToken, looksLikeToken } from './fernet.js';
import { shortKeyId, type FernetKey } from './key.js';
import { parseSingleEntry } from './dotenv/entry.js';
import { parseDotenv } from './dotenv/parse.js';
import type { EnvDocument } from './dotenv/types.js';

/**
 * `.env.encrypted` format v1 (DESIGN.md): a header naming the version and key id, then one line
 * per entry `NAME=fernet:<token>` whose plaintext is the entry's exact source text plus its line
 * terminator, with comments and blank lines copied as they are. One variable, one line: diffs and
 * merges stay per variable, and the name inside the token binds it to its line.
 */

export const FORMAT_VERSION = 1;
/** Fixed text, so any edit to the header line is detected like an edit anywhere else. */
const HEADER_NOTE = '(Fernet tokens, one per variable: edit .env, then run envguard encrypt)';
const HEADER = /^# envguard:v1 key=([0-9a-f]{16})( bom)? (.*)$/;
const ENTRY_LINE = /^([A-Za-z_][\w.-]*)=fernet:(\S*)$/;

export interface EncryptedEntryLine {
  kind: 'entry';
  name: string;
  token: string;
  /** 1-based line in the encrypted file. */
  line: number;
}

export interface EncryptedTriviaLine {
  kind: 'trivia';
  /** The copied comment or blank line, with its own terminator. */
  text: string;
  line: number;
}

export type EncryptedLine = EncryptedEntryLine | EncryptedTriviaLine;

export type EncryptedFile =
  | { format: 'values'; keyId: string; bom: boolean; lines: EncryptedLine[] }
  | { format: 'whole'; token: string };

export interface EncryptOptions {
  /** Seconds since the epoch for new tokens. */
  now: number;
  random: (size: number) => Buffer;
  /** The current encrypted file(s): tokens whose plaintext is unchanged are kept (stable ciphertext). */
  previous?: EncryptedFile | readonly EncryptedFile[];
}

/** Parses an encrypted file's structure (no key needed). */
export function parseEncryptedFile(text: string, fileName: string): EncryptedFile {
  const trimmed = text.trim();
  if (!trimmed.includes('\n') && looksLikeToken(trimmed)) return { format: 'whole', token: trimmed };

  const lines = splitLines(text);
  const header = HEADER.exec((lines[0] ?? '').replace(/\r?\n$/, ''));
  if (!header || header[3] !== HEADER_NOTE) {
    throw new EnvguardError('FORMAT_INVALID', `${fileName}:1: expected the header "# envguard:v1 key=<key id>" or a single Fernet token`, {
      hint: `restore it with \`git checkout -- ${fileName}\`, then re-encrypt with \`envguard encrypt\``,
    });
  }
  const parsed: EncryptedLine[] = [];
  lines.slice(1).forEach((raw, index) => {
    const line = index + 2;
    const content = raw.replace(/\r?\n$/, '');
    const entry = ENTRY_LINE.exec(content);
    if (entry) {
      parsed.push({ kind: 'entry', name: entry[1] as string, token: entry[2] as string, line });
    } else if (/^(<{7}|={7}|>{7})( |$)/.test(content)) {
      throw new EnvguardError('CONFLICT', `${fileName}:${line}: unresolved merge conflict marker`, {
        hint: 'resolve the conflict in the decrypted .env, then run `envguard encrypt` and `git add` the encrypted file',
      });
    } else if (/^[ \t]*#/.test(content) && content.includes('=fernet:')) {
      // Comments are copied, not authenticated; an entry turned into a comment would vanish silently.
      throw new EnvguardError('FORMAT_INVALID', `${fileName}:${line}: a comment line holds a token (an entry was commented out by hand?)`, {
        hint: `remove the variable from .env and run \`envguard encrypt\`, or restore the file with \`git checkout -- ${fileName}\``,
      });
    } else if (/^[ \t]*$/.test(content) || /^[ \t]*#/.test(content)) {
      parsed.push({ kind: 'trivia', text: raw, line });
    } else {
      // Anything else may be a plaintext value pasted by hand: describe it, never echo it.
      throw new EnvguardError('FORMAT_INVALID', `${fileName}:${line}: expected NAME=fernet:<token>, a comment or a blank line`, {
        hint: `a plaintext value may have been added by hand: move it to .env and run \`envguard encrypt\``,
      });
    }
  });
  return { format: 'values', keyId: header[1] as string, bom: header[2] !== undefined, lines: parsed };
}

/** Encrypts a parsed `.env` into format v1, reusing unchanged tokens from `previous`. */
export function encryptDocument(doc: EnvDocument, key: FernetKey, options: EncryptOptions): string {
  const reusable = reusableTokens(options.previous, key);
  const keyId = shortKeyId(key);
  let out = `# envguard:v1 key=${keyId}${doc.bom ? ' bom' : ''} ${HEADER_NOTE}\n`;
  for (const node of doc.nodes) {
    if (node.kind !== 'entry') {
      out += node.source + node.newline;
      continue;
    }
    const plaintext = node.source + node.newline;
    const token = takeReusable(reusable, plaintext) ?? encryptToken(key, Buffer.from(plaintext, 'utf8'), { now: options.now, iv: options.random(16) });
    out += `${node.name}=fernet:${token}\n`;
  }
  return out;
}

/** Encrypts the whole `.env` as one token: the legacy form the Python system wrote. */
export function encryptWhole(plaintext: string, key: FernetKey, options: Omit<EncryptOptions, 'previous'>): string {
  return `${encryptToken(key, Buffer.from(plaintext, 'utf8'), { now: options.now, iv: options.random(16) })}\n`;
}

/**
 * Decrypts an encrypted file back to the exact `.env` text. Every token must verify under `key`
 * and hold exactly one entry named as its line says; otherwise the error names file and line.
 */
export function decryptEncryptedFile(file: EncryptedFile, key: FernetKey, fileName: string): string {
  if (file.format === 'whole') return decryptOrExplain(key, file.token, fileName, 1).toString('utf8');
  if (file.keyId !== shortKeyId(key)) {
    throw new EnvguardError('DECRYPT_FAILED', `${fileName} is encrypted with key ${file.keyId}, but the key found is ${shortKeyId(key)}`, {
      hint: 'get the current key from a teammate (`envguard key export` on their side, `envguard key import` on yours); `envguard status` shows who rotated it',
    });
  }
  let out = file.bom ? '\uFEFF' : '';
  for (const line of file.lines) {
    out += line.kind === 'trivia' ? line.text : decryptEntry(line, key, fileName);
  }
  // Every token verified, but comment lines are copied unauthenticated: make sure an edit there
  // cannot hand back a .env that no longer parses (or parses differently).
  try {
    parseDotenv(out, fileName);
  } catch (error) {
    throw new EnvguardError('FORMAT_INVALID', `${fileName}: a comment or blank line was edited by hand and breaks the decrypted file`, {
      hint: `restore the file with \`git checkout -- ${fileName}\`, or re-encrypt from .env with \`envguard encrypt --force\``,
      cause: error,
    });
  }
  return out;
}

/** The plaintext of one entry line, checked to be a single entry under the line's own name. */
export function decryptEntry(line: EncryptedEntryLine, key: FernetKey, fileName: string): string {
  const plaintext = decryptOrExplain(key, line.token, fileName, line.line).toString('utf8');
  const source = plaintext.replace(/\r?\n$/, '');
  let name: string | undefined;
  try {
    name = parseSingleEntry(source, fileName, line.line).name;
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

/** plaintext → tokens that decrypt to it under `key`; each is used once, so duplicate entries keep distinct tokens. */
function reusableTokens(previous: EncryptedFile | readonly EncryptedFile[] | undefined, key: FernetKey): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const files: readonly EncryptedFile[] = previous === undefined ? [] : Array.isArray(previous) ? previous : [previous as EncryptedFile];
  for (const file of files) {
    if (file.format !== 'values' || file.keyId !== shortKeyId(key)) continue;
    for (const line of file.lines) {
      if (line.kind !== 'entry') continue;
      let plaintext: string;
      try {
        plaintext = decryptToken(key, line.token).plaintext.toString('utf8');
      } catch {
        continue; // a damaged token is simply not reused; the new file gets a fresh one
      }
      const list = map.get(plaintext) ?? [];
      if (!list.includes(line.token)) list.push(line.token);
      map.set(plaintext, list);
    }
  }
  return map;
}

function takeReusable(map: Map<string, string[]>, plaintext: string): string | undefined {
  return map.get(plaintext)?.shift();
}

/** Splits text into lines that keep their terminators (`\n`, `\r\n`, or none at the end). */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
