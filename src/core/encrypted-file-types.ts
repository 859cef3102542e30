/**
 * The parsed shape of `.env.encrypted` (DESIGN.md, Encrypted file). Format v2: a header, then one
 * line per entry `NAME=fernet:<token>` whose plaintext is the comment and blank lines directly
 * above the entry plus the entry's exact source text and terminator, and, when `.env` ends with
 * comments or blank lines, one last line `#=fernet:<token>` holding them. Format v1 (still read)
 * copied comment and blank lines in clear as trivia lines.
 */

export interface EncryptedEntryLine {
  kind: 'entry';
  name: string;
  token: string;
  /** 1-based line in the encrypted file. */
  line: number;
}

/** v2: the comment and blank lines after the last entry, as one token on the last line. */
export interface EncryptedTrailerLine {
  kind: 'trailer';
  token: string;
  line: number;
}

/** v1 only: a comment or blank line copied in clear. */
export interface EncryptedTriviaLine {
  kind: 'trivia';
  /** The copied comment or blank line, with its own terminator. */
  text: string;
  line: number;
}

export type EncryptedLine = EncryptedEntryLine | EncryptedTrailerLine | EncryptedTriviaLine;

export type EncryptedFile =
  | { format: 'values'; version: 1 | 2; keyId: string; bom: boolean; lines: EncryptedLine[] }
  | { format: 'whole'; token: string };

/** The format version `encryptDocument` writes. */
export const FORMAT_VERSION = 2;

/** The marker that stands in a trailer line where an entry line has its name. */
export const TRAILER_MARK = '#';

/** Fixed header notes per version, so any edit to the header line is detected like an edit anywhere else. */
export const HEADER_NOTES: Readonly<Record<1 | 2, string>> = {
  1: '(Fernet tokens, one per variable: edit .env, then run envguard encrypt)',
  2: '(Fernet tokens, one per variable, comments inside them: edit .env, then run envguard encrypt)',
};
