import { EnvguardError } from '../errors.js';
import { looksLikeToken } from './fernet.js';
import { HEADER_NOTES, type EncryptedFile, type EncryptedLine } from './encrypted-file-types.js';
import { CONFLICT_MARKER_LINE } from './conflict-markers.js';

/**
 * Reading the structure of `.env.encrypted` (no key needed). Writing is in
 * `encrypted-file-write.ts`, decrypting and checking in `encrypted-file-read.ts`; this module
 * re-exports both so callers import one place.
 */

export * from './encrypted-file-types.js';
export { decryptEncryptedFile, decryptEntry } from './encrypted-file-read.js';
export { encryptDocument, encryptWhole, type EncryptOptions } from './encrypted-file-write.js';

const HEADER = /^# envguard:v([12]) key=([0-9a-f]{16})( bom)? (.*)$/;
const ENTRY_LINE = /^([\w.-]+)=fernet:(\S*)$/;
const TRAILER_LINE = /^#=fernet:(\S*)$/;

/** Parses an encrypted file's structure: the legacy single token, or format v1 or v2. */
export function parseEncryptedFile(text: string, fileName: string): EncryptedFile {
  const trimmed = text.trim();
  if (!trimmed.includes('\n') && looksLikeToken(trimmed)) return { format: 'whole', token: trimmed };

  const lines = splitLines(text);
  const header = HEADER.exec((lines[0] ?? '').replace(/\r?\n$/, ''));
  const version = header ? (Number(header[1]) as 1 | 2) : undefined;
  if (!header || version === undefined || header[4] !== HEADER_NOTES[version]) {
    throw new EnvguardError('FORMAT_INVALID', `${fileName}:1: expected the header "# envguard:v2 key=<key id>" or a single Fernet token`, {
      hint: `restore it with \`git checkout -- ${fileName}\`, then re-encrypt with \`envguard encrypt\``,
    });
  }
  const parsed = lines.slice(1).map((raw, index) => parseLine(raw, index + 2, version, fileName));
  const trailer = parsed.findIndex((line) => line.kind === 'trailer');
  if (trailer !== -1 && trailer !== parsed.length - 1) {
    throw invalid(fileName, (parsed[trailer] as EncryptedLine).line, 'the "#=fernet:" line of trailing comments must be the last line', `restore the file with \`git checkout -- ${fileName}\``);
  }
  return { format: 'values', version, keyId: header[2] as string, bom: header[3] !== undefined, lines: parsed };
}

function parseLine(raw: string, line: number, version: 1 | 2, fileName: string): EncryptedLine {
  const content = raw.replace(/\r?\n$/, '');
  const entry = ENTRY_LINE.exec(content);
  if (entry) return { kind: 'entry', name: entry[1] as string, token: entry[2] as string, line };
  const trailer = version === 2 ? TRAILER_LINE.exec(content) : null;
  if (trailer) return { kind: 'trailer', token: trailer[1] as string, line };
  if (CONFLICT_MARKER_LINE.test(content)) {
    throw new EnvguardError('CONFLICT', `${fileName}:${line}: unresolved merge conflict marker`, {
      hint: 'resolve the conflict in the decrypted .env, then run `envguard encrypt` and `git add` the encrypted file',
    });
  }
  const trivia = /^[ \t]*$/.test(content) || /^[ \t]*#/.test(content);
  if (trivia && version === 2) {
    // v2 keeps comments inside tokens: one in clear was added by hand and may hold an old value.
    return throwInvalid(fileName, line, 'a comment or blank line in clear (format v2 keeps them inside the tokens)', 'move the comment to .env and run `envguard encrypt`');
  }
  if (/^[ \t]*#/.test(content) && content.includes('=fernet:')) {
    // v1 comments are copied, not authenticated; an entry turned into a comment would vanish silently.
    return throwInvalid(fileName, line, 'a comment line holds a token (an entry was commented out by hand?)', `remove the variable from .env and run \`envguard encrypt\`, or restore the file with \`git checkout -- ${fileName}\``);
  }
  if (trivia) return { kind: 'trivia', text: raw, line };
  // Anything else may be a plaintext value pasted by hand: describe it, never echo it.
  return throwInvalid(fileName, line, 'expected NAME=fernet:<token>', 'a plaintext value may have been added by hand: move it to .env and run `envguard encrypt`');
}

function invalid(fileName: string, line: number, message: string, hint: string): EnvguardError {
  return new EnvguardError('FORMAT_INVALID', `${fileName}:${line}: ${message}`, { hint });
}

function throwInvalid(fileName: string, line: number, message: string, hint: string): never {
  throw invalid(fileName, line, message, hint);
}

/** Splits text into lines that keep their terminators (`\n`, `\r\n`, or none at the end). */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
