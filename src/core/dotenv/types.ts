/**
 * A lossless model of a `.env` file: serialising an unmodified document gives back the
 * original bytes. Every node keeps its exact source text and its own line terminator.
 */

export interface EnvEntry {
  readonly kind: 'entry';
  /** The variable name, e.g. `DB_PASSWORD`. */
  readonly name: string;
  /** The parsed value, as `dotenv`'s `parse()` gives it (quotes removed, `\n` expanded in double quotes). */
  readonly value: string;
  /** The exact source text of the whole entry (`export` prefix, quotes, inline comment, all lines of a multi-line value), without the final line terminator. */
  readonly source: string;
  /** The terminator after the entry: `\n`, `\r\n`, or `` at the end of the file. */
  readonly newline: string;
  /** 1-based line where the entry starts. */
  readonly line: number;
}

export interface EnvTrivia {
  readonly kind: 'comment' | 'blank';
  readonly source: string;
  readonly newline: string;
  readonly line: number;
}

export type EnvNode = EnvEntry | EnvTrivia;

export interface EnvDocument {
  /** The file started with a UTF-8 byte order mark (kept out of the nodes). */
  readonly bom: boolean;
  readonly nodes: readonly EnvNode[];
}
