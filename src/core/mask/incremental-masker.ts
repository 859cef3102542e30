import { outputSlot, type MaskTable } from './mask-table.js';

/** Bytes that continue a word: ASCII letters, digits, `_`, and every byte of a non-ASCII character. */
const WORD_BYTE = new Uint8Array(256).map((_, byte) => (/[A-Za-z0-9_]/.test(String.fromCharCode(byte)) || byte >= 0x80 ? 1 : 0));

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
 *   swallowed as it arrives, so a long chain of overlapping occurrences does not grow the buffer;
 * - a whole-word pattern (a short secret) counts only between non-word bytes: its left edge is
 *   checked when it ends, its right edge on the next byte (or the end of input).
 */
export class IncrementalMasker {
  private readonly table: MaskTable;
  private readonly replacement: Buffer;
  /** Current automaton state. */
  private state = 0;
  /** Absolute offset of the next input byte. */
  private position = 0;
  /** Input bytes not yet written or swallowed, starting at absolute offset `heldStart`. */
  private held: Buffer = Buffer.alloc(0);
  private heldStart = 0;
  /** The last input bytes before this chunk (at absolute offset `tailStart`): where a word's left edge is read. */
  private tail: Buffer = Buffer.alloc(0);
  private tailStart = 0;
  /** Disjoint, sorted runs `[start, end)` whose replacement is not yet written (flat pairs). */
  private runs: number[] = [];
  /** End of the run whose replacement is already written and that may still grow (-1: none). */
  private openRunEnd = -1;
  /** Whole-word occurrences ending at `position`, waiting for the next byte to show their right edge (flat pairs). */
  private pending: number[] = [];
  /** Where {@link advance} leaves the state it reached (a slot, so the hot loop allocates nothing). */
  private readonly walk = new Int32Array(1);

  constructor(table: MaskTable, replacement: Buffer) {
    this.table = table;
    this.replacement = replacement;
  }

  /** Scans a chunk and returns the bytes that are now safe to write (possibly none). */
  push(chunk: Uint8Array): Buffer[] {
    const input = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (input.length === 0) return [];
    const data = this.held.length === 0 ? input : Buffer.concat([this.held, input]);
    const dataStart = this.heldStart;
    const scanFrom = this.held.length;
    const { automaton, anyLength, wordHead, wordNext } = this.table;
    const { depth } = automaton;
    const pending = this.pending;
    const walk = this.walk;

    // Most bytes end in no pattern: `advance` runs over them in a loop of its own (kept small so
    // it stays optimised), and stops on the rare byte where something ends.
    let state = this.state;
    for (let i = scanFrom; i < data.length; ) {
      // A whole-word occurrence ended on the previous byte: this byte shows its right edge.
      if (pending.length > 0) this.settlePending(WORD_BYTE[data[i] as number] === 0);
      const at = advance(this.table, data, i, state, walk);
      state = walk[0] as number;
      if (at === data.length) break;
      i = at + 1;
      const end = dataStart + i;
      const slot = outputSlot(this.table, state);
      const longest = anyLength[slot] as number;
      if (longest > 0) this.addRun(end - longest, end);
      for (let w = wordHead[slot] as number; w >= 0; w = wordNext[outputSlot(this.table, w)] as number) {
        const start = end - (depth[w] as number);
        if (this.isWordEdge(data, dataStart, start)) pending.push(start, end);
      }
    }
    this.state = state;
    this.position = dataStart + data.length;
    // A future occurrence starts at most `maxLength` bytes back; its left neighbour is one more.
    const keep = this.table.automaton.maxLength + 1;
    if (data.length >= keep) this.tail = Buffer.from(data.subarray(data.length - keep));
    else {
      const before = this.tail.subarray(0, Math.max(0, dataStart - this.tailStart));
      this.tail = Buffer.concat([before, data]).subarray(-keep);
    }
    this.tailStart = this.position - this.tail.length;

    // Everything before `final` can no longer be part of a future occurrence.
    const final = charBoundary(data, data.length - (depth[state] as number)) + dataStart;
    if (this.runs.length === 0 && this.openRunEnd < 0 && final === this.position) {
      this.held = Buffer.alloc(0);
      this.heldStart = this.position;
      return [data];
    }
    return this.emit(data, dataStart, final);
  }

  /** Whole-word occurrences become runs when the byte after them is no word byte (or the input ends). */
  private settlePending(edge: boolean): void {
    const pending = this.pending;
    if (edge) for (let i = 0; i < pending.length; i += 2) this.addRun(pending[i] as number, pending[i + 1] as number);
    pending.length = 0;
  }

  /** True when the byte before `start` is no word byte. */
  private isWordEdge(data: Buffer, dataStart: number, start: number): boolean {
    if (start === 0) return true;
    const at = start - 1;
    // Bytes before the held ones are already written or swallowed: the tail remembers them.
    const byte = at >= dataStart ? data[at - dataStart] : this.tail[at - this.tailStart];
    return byte === undefined || WORD_BYTE[byte] === 0;
  }

  /** Writes out everything still held: the end of input settles every pending decision. */
  end(): Buffer[] {
    this.settlePending(true);
    const out = this.emit(this.held, this.heldStart, this.position);
    this.openRunEnd = -1;
    this.state = 0;
    this.tail = Buffer.alloc(0);
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
 * Runs the automaton from `state` over `data` from `from`, and stops at the first byte after
 * which some pattern ends: returns that byte's index (-1: none up to the end). The state reached
 * is left in `walk[0]`. One dense-row load and one flag test per byte; a call only in deep states;
 * a tighter loop over the root's row while no pattern has begun.
 */
function advance(table: MaskTable, data: Uint8Array, from: number, state: number, walk: Int32Array): number {
  const { automaton, flags } = table;
  const { dense, denseStates } = automaton;
  const length = data.length;
  let i = from;
  for (; i < length; i++) {
    if (state === 0) {
      // Most bytes start no pattern: from the root, the next state depends on the byte alone, so
      // these loads do not wait on each other (the general step waits on the previous state).
      let next = dense[data[i] as number] as number;
      while (next === 0 && ++i < length) next = dense[data[i] as number] as number;
      if (i === length) break;
      state = next;
    } else {
      const byte = data[i] as number;
      state = state < denseStates ? (dense[state * 256 + byte] as number) : automaton.next(state, byte);
    }
    if (flags[state] !== 0) break;
  }
  // One exit: a store only at the end of a chunk would be compiled without feedback and deoptimise.
  walk[0] = state;
  return i;
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
