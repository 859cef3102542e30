/**
 * Text that came from a file (a ledger's actor or reason, a name in a token line) is quoted to a
 * user only through this: control characters could move the cursor, recolour the terminal,
 * start a new line that looks like envguard's own `fix:` line, or hide text (bidi overrides).
 */

// C0 controls and DEL, C1 controls, line/paragraph separators, bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** The text with every control character removed (tabs and newlines included: quoted text stays on one line). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '');
}

/** The first non-blank line of a message not written by envguard (an error from Node or git), printable and at most `max` characters. */
export function printableFirstLine(text: string, max = 300): string {
  return printable(text.split('\n').find((line) => line.trim() !== '') ?? '').slice(0, max);
}
