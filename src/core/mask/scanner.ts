import type { Automaton } from './automaton.js';

/**
 * Incremental masking over a byte stream: feed chunks, get masked bytes back. The output is the
 * same however the input is chunked, and equals masking the whole input at once:
 *
 * - every byte covered by a pattern occurrence is hidden; overlapping occurrences merge into one
 *   run, and each run becomes one replacement (so a secret that contains, or overlaps, another is
 *   never partly shown, and the longest form wins);
 * - bytes that could still be the start of an occurrence are held back until the next chunk (at
 *   most the automaton's current depth, i.e. fewer bytes than the longest pattern, plus up to 3
 *   bytes so that an emitted chunk never ends inside a UTF-8 character);
 * - a run's replacement is written as soon as its start is certain, and the rest of the run is
 *   swallowed as it arrives, so a long chain of overlapping occurrences does not grow the buffer.
 */
export class MaskScanner {
  private readonly automaton: Automaton;
  private readonly replacement: Buffer;
  /** Row offset of the current DFA state (see automaton.ts). */
  private row = 0;
  /** Absolute offset of the next input byte. */
  private position = 0;
  /** Input bytes not yet written or swallowed, starting at absolute offset `heldStart`. */
  private held: Buffer = Buffer.alloc(0);
  private heldStart = 0;
  /** Disjoint, sorted runs `[start, end)` whose replacement is not yet written (flat pairs). */
  private runs: number[] = [];
  /** End of the run whose replacement is already written and that may still grow (-1: none). */
  private openRunEnd = -1;

  constructor(automaton: Automaton, replacement: Buffer) {
    this.automaton = automaton;
    this.replacement = replacement;
  }

  /** Scans a chunk and returns the bytes that are now safe to write (possibly none). */
  push(chunk: Uint8Array): Buffer[] {
    const input = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (input.length === 0) return [];
    const data = this.held.length === 0 ? input : Buffer.concat([this.held, input]);
    const dataStart = this.heldStart;
    const scanFrom = this.held.length;
    const { table, classOf, classCount, matchLength, depth } = this.automaton;

    // The hot loops: a table load (and a class lookup for wide alphabets) and a sign test per byte.
    let row = this.row;
    if (classCount === 256) {
      for (let i = scanFrom; i < data.length; i++) {
        const entry = table[row + (data[i] as number)] as number;
        if (entry >= 0) {
          row = entry;
        } else {
          row = -entry - 1;
          const end = dataStart + i + 1;
          this.addRun(end - (matchLength[row >>> 8] as number), end);
        }
      }
    } else {
      for (let i = scanFrom; i < data.length; i++) {
        const entry = table[row + (classOf[data[i] as number] as number)] as number;
        if (entry >= 0) {
          row = entry;
        } else {
          row = -entry - 1;
          const end = dataStart + i + 1;
          this.addRun(end - (matchLength[row / classCount] as number), end);
        }
      }
    }
    this.row = row;
    this.position = dataStart + data.length;

    // Everything before `final` can no longer be part of a future occurrence.
    const final = charBoundary(data, data.length - (depth[row / classCount] as number)) + dataStart;
    if (this.runs.length === 0 && this.openRunEnd < 0 && final === this.position) {
      this.held = Buffer.alloc(0);
      this.heldStart = this.position;
      return [data];
    }
    return this.emit(data, dataStart, final);
  }

  /** Writes out everything still held: the end of input settles every pending decision. */
  end(): Buffer[] {
    const out = this.emit(this.held, this.heldStart, this.position);
    this.openRunEnd = -1;
    this.row = 0;
    return out;
  }

  private addRun(start: number, end: number): void {
    const runs = this.runs;
    // Runs end no later than this one, so the ones it overlaps are a suffix of the list.
    while (runs.length > 0 && (runs[runs.length - 1] as number) > start) {
      start = Math.min(start, runs[runs.length - 2] as number);
      runs.length -= 2;
    }
    if (runs.length === 0 && this.openRunEnd > start) {
      this.openRunEnd = Math.max(this.openRunEnd, end);
      return;
    }
    runs.push(start, end);
  }

  private emit(data: Buffer, dataStart: number, final: number): Buffer[] {
    const out: Buffer[] = [];
    let cursor = dataStart;
    if (this.openRunEnd >= 0) {
      // The replacement is already written; hide whatever of the run has arrived.
      cursor = Math.max(cursor, this.openRunEnd);
      if (this.openRunEnd <= final) this.openRunEnd = -1;
    }
    let consumed = 0;
    if (this.openRunEnd < 0) {
      const runs = this.runs;
      for (; consumed < runs.length; consumed += 2) {
        const start = runs[consumed] as number;
        const end = runs[consumed + 1] as number;
        // A future occurrence starts at or after `final`: it cannot move this run's start.
        if (start > final) break;
        if (start > cursor) out.push(data.subarray(cursor - dataStart, start - dataStart));
        out.push(this.replacement);
        cursor = end;
        if (end > final) {
          // A future occurrence may still extend this run: keep swallowing it.
          this.openRunEnd = end;
          consumed += 2;
          break;
        }
      }
      if (this.openRunEnd < 0) {
        const stop = consumed < runs.length ? Math.min(final, runs[consumed] as number) : final;
        if (stop > cursor) {
          out.push(data.subarray(cursor - dataStart, stop - dataStart));
          cursor = stop;
        }
      }
      if (consumed > 0) this.runs = runs.slice(consumed);
    }
    const keepFrom = Math.min(cursor, this.position) - dataStart;
    this.held = Buffer.from(data.subarray(keepFrom));
    this.heldStart = dataStart + keepFrom;
    return out;
  }
}

/**
 * Moves a cut point back so it does not fall inside a UTF-8 character (a consumer that decodes
 * each chunk on its own would otherwise see replacement characters).
 */
function charBoundary(data: Buffer, cut: number): number {
  let lead = cut - 1;
  const lowest = Math.max(0, cut - 4);
  while (lead > lowest && ((data[lead] as number) & 0xc0) === 0x80) lead--;
  if (lead < 0) return cut;
  const byte = data[lead] as number;
  const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return lead + length > cut ? lead : cut;
}
