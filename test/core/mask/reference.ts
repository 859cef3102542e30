/**
 * A slow, obviously correct masker to check the automaton against: find every occurrence of every
 * pattern with indexOf, merge occurrences that overlap, replace each merged run.
 */
export function referenceMask(text: Buffer, patterns: readonly Buffer[], replacement = Buffer.from('****')): Buffer {
  const intervals: Array<[number, number]> = [];
  for (const pattern of patterns) {
    if (pattern.length === 0) continue;
    for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) intervals.push([at, at + pattern.length]);
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
