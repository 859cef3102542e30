/**
 * A slow, obviously correct masker to check the automaton against: find every occurrence of every
 * pattern with indexOf (whole-word ones only between non-word bytes), merge occurrences that
 * overlap, replace each merged run.
 */
export function referenceMask(text: Buffer, patterns: readonly Buffer[], replacement = Buffer.from('****'), words: readonly Buffer[] = []): Buffer {
  const intervals: Array<[number, number]> = [];
  const isWord = (at: number) => at >= 0 && at < text.length && /[A-Za-z0-9_\x80-\xff]/.test(String.fromCharCode(text[at] as number));
  for (const pattern of [...patterns, ...words]) {
    if (pattern.length === 0) continue;
    const whole = !patterns.includes(pattern);
    for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
      if (whole && (isWord(at - 1) || isWord(at + pattern.length))) continue;
      intervals.push([at, at + pattern.length]);
    }
  }
  intervals.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of intervals) {
    const last = merged[merged.length - 1];
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const out: Buffer[] = [];
  let cursor = 0;
  for (const [start, end] of merged) {
    out.push(text.subarray(cursor, start), replacement);
    cursor = end;
  }
  out.push(text.subarray(cursor));
  return Buffer.concat(out);
}
