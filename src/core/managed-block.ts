/**
 * A block of lines envguard owns inside a user's file (`.gitignore`, `.gitattributes`), between
 * marker comments, so re-running `init` replaces it instead of appending again.
 */
const BEGIN = '# >>> envguard';
const END = '# <<< envguard';

/**
 * Returns the text with envguard's block set to `lines`. With `atEnd`, the block moves to the end
 * of the file: later `.gitignore` patterns win, so negations must come last to take effect.
 */
export function withManagedBlock(text: string, lines: readonly string[], options: { atEnd?: boolean } = {}): string {
  const block = [BEGIN, ...lines, END].join('\n');
  const start = text.indexOf(BEGIN);
  const end = start === -1 ? -1 : text.indexOf(END, start);
  if (start !== -1 && end !== -1) {
    const before = text.slice(0, start);
    const after = text.slice(end + END.length).replace(/^\r?\n/, '');
    if (!options.atEnd || after.trim() === '') return `${before}${block}\n${after}`;
    return appendBlock(`${before}${after}`, block);
  }
  return appendBlock(text, block);
}

function appendBlock(text: string, block: string): string {
  if (text === '') return `${block}\n`;
  return `${text}${text.endsWith('\n') ? '' : '\n'}\n${block}\n`;
}
