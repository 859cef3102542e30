/**
 * The lines git's merge leaves in a conflicted file: `<<<<<<< ours`, `=======`, `>>>>>>> theirs`
 * (a marker alone or followed by a space and a label). One definition for every check.
 */
export const CONFLICT_MARKER_LINE = /^(<{7}|={7}|>{7})( |$)/;

/** Whether any line of `text` is a conflict marker. */
export function hasConflictMarkers(text: string): boolean {
  return text.split('\n').some((line) => CONFLICT_MARKER_LINE.test(line));
}

/**
 * A conflicted encrypted file with the marker lines dropped: both sides' entry lines remain, kept
 * only as a source of reusable tokens, so resolving in `.env` re-encrypts nothing unchanged.
 */
export function withoutConflictMarkers(text: string): string {
  return text
    .split('\n')
    .filter((line) => !CONFLICT_MARKER_LINE.test(line))
    .join('\n');
}
