/**
 * The one multi-pattern matcher of envguard (Aho-Corasick, https://doi.org/10.1145/360825.360855):
 * the scan's keyword prefilter, its known-value search and the masker all run on it.
 *
 * Memory is linear in the total pattern length: each state stores its incoming byte, where its
 * children start, its failure link, its depth and its output links (21 bytes); only the first
 * 16,384 states (root and shallowest, where a text spends most of its bytes; all of them for a
 * few hundred masked values) get a dense 256-entry row, a fixed 16 MB at most. The trie is built from the sorted patterns level by level, so states
 * are numbered breadth-first and the children of a state are consecutive and sorted by byte: no
 * per-state map or row is ever allocated, which is what let 100,000 known values fit in memory.
 *
 * Patterns are byte strings: one character per byte (0-255), as `Buffer#toString('latin1')`
 * gives (see {@link byteString}). Text search maps characters above 127 to byte 128, so a text
 * pattern with such characters is confirmed against the text before it is reported.
 */

export interface AhoCorasickOptions {
  /** Fold A-Z to a-z in patterns and input (keywords); off for exact values. */
  caseInsensitive?: boolean;
  /** Patterns are text for {@link AhoCorasick.searchText} (characters above 127 become byte 128), not byte strings. */
  text?: boolean;
  /**
   * Give dense rows only to states this shallow (default: the first 16,384 states whatever their
   * depth). A row costs 256 entries to build: for an automaton built on every run and searched
   * over a few kilobytes (the scan's keyword prefilter on a commit), building rows for deep
   * states costs more than the lookups they save.
   */
  denseDepth?: number;
}

/** A string's UTF-8 bytes as a byte string (identity for ASCII). */
export function byteString(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text : Buffer.from(text, 'utf8').toString('latin1');
}

export class AhoCorasick {
  /** The patterns as given (byte strings). */
  readonly patterns: readonly string[];
  readonly stateCount: number;
  /** The longest pattern's length in bytes (0 without patterns). */
  readonly maxLength: number;
  /** For each state, its depth: how many trailing input bytes it stands for. */
  readonly depth: Int32Array;
  /** For each state, a pattern that ends exactly there (-1: none); others equal to it follow `sameAs`. */
  readonly own: Int32Array;
  /** For each state, the deepest proper suffix state where a pattern ends (-1: none). */
  readonly outputLink: Int32Array;
  /** For each pattern, the next pattern with the same (folded) bytes (-1: none). */
  readonly sameAs: Int32Array;
  private readonly label: Uint8Array;
  private readonly firstChild: Int32Array;
  private readonly fail: Int32Array;
  /**
   * Full DFA rows (failures resolved), 256 entries each, for states below `denseStates` (the
   * first breadth-first: the root and the shallow states most bytes of a text visit). Public so
   * that a hot loop can read them without a call: `state < denseStates ? dense[state * 256 + byte] : next(state, byte)`.
   */
  readonly dense: Int32Array;
  readonly denseStates: number;
  private readonly fold = new Uint8Array(256);
  private readonly caseInsensitive: boolean;

  constructor(patterns: readonly string[], options: AhoCorasickOptions = {}) {
    this.patterns = patterns;
    this.caseInsensitive = options.caseInsensitive === true;
    for (let b = 0; b < 256; b++) this.fold[b] = this.caseInsensitive && b >= 65 && b <= 90 ? b + 32 : b;
    // One trie path per distinct pattern; equal patterns are chained so each is reported.
    const first = new Map<string, number>();
    this.sameAs = new Int32Array(patterns.length).fill(-1);
    const last = new Map<string, number>();
    patterns.forEach((pattern, index) => {
      if (pattern.length === 0) throw new Error('empty pattern');
      const folded = this.caseInsensitive ? pattern.replace(/[A-Z]+/g, (run) => run.toLowerCase()) : pattern;
      const key = options.text ? folded.replace(/[\u0080-\uffff]/g, '\x80') : folded;
      if (!options.text && /[\u0100-\uffff]/.test(key)) throw new Error('pattern is not a byte string');
      const previous = last.get(key);
      if (previous === undefined) first.set(key, index);
      else this.sameAs[previous] = index;
      last.set(key, index);
    });
    const sorted = [...first.keys()].sort();
    const m = sorted.length;
    const lcp = new Int32Array(m);
    let states = 1;
    let maxLength = 0;
    for (let i = 0; i < m; i++) {
      const key = sorted[i] as string;
      if (i > 0) lcp[i] = commonPrefix(sorted[i - 1] as string, key);
      states += key.length - (lcp[i] as number);
      maxLength = Math.max(maxLength, key.length);
    }
    this.stateCount = states;
    this.maxLength = maxLength;
    this.label = new Uint8Array(states);
    this.firstChild = new Int32Array(states + 1).fill(-1);
    this.depth = new Int32Array(states);
    this.own = new Int32Array(states).fill(-1);
    this.fail = new Int32Array(states);
    this.outputLink = new Int32Array(states).fill(-1);
    this.buildTrie(sorted, lcp, first);
    this.denseStates = Math.min(states, DENSE_STATES, options.denseDepth === undefined ? states : statesUpTo(this.depth, options.denseDepth));
    this.dense = new Int32Array(this.denseStates * 256);
    this.buildLinks();
  }

  /**
   * Level by level over the sorted patterns: at depth d, pattern i starts a new state unless it
   * shares d bytes with its predecessor, whose state it then shares. Ids grow breadth-first.
   */
  private buildTrie(sorted: readonly string[], lcp: Int32Array, first: ReadonlyMap<string, number>): void {
    const { label, firstChild, depth, own } = this;
    const current = new Int32Array(sorted.length);
    let active = Int32Array.from(sorted.keys());
    let next = 1;
    for (let d = 1; active.length > 0; d++) {
      const still = new Int32Array(active.length);
      let kept = 0;
      for (const i of active) {
        const key = sorted[i] as string;
        if ((lcp[i] as number) < d) {
          const id = next++;
          const parent = current[i] as number;
          label[id] = key.charCodeAt(d - 1);
          depth[id] = d;
          if (firstChild[parent] === -1) firstChild[parent] = id;
          current[i] = id;
        } else current[i] = current[i - 1] as number;
        if (key.length === d) own[current[i] as number] = first.get(key) as number;
        else still[kept++] = i;
      }
      active = still.subarray(0, kept);
    }
    firstChild[this.stateCount] = this.stateCount;
    for (let s = this.stateCount - 1; s >= 0; s--) if (firstChild[s] === -1) firstChild[s] = firstChild[s + 1] as number;
  }

  /** Failure and output links, breadth-first (ids already are), from each state to its children. */
  private buildLinks(): void {
    const { label, firstChild, fail, own, outputLink, dense } = this;
    for (let parent = 0; parent < this.stateCount; parent++) {
      if (parent < this.denseStates) {
        // The failure state is shallower, so its row is complete.
        const row = parent * 256;
        const viaFail = (fail[parent] as number) * 256;
        for (let b = 0; b < 256; b++) dense[row + b] = parent === 0 ? 0 : (dense[viaFail + b] as number);
        for (let c = firstChild[parent] as number; c < (firstChild[parent + 1] as number); c++) dense[row + (label[c] as number)] = c;
      }
      for (let child = firstChild[parent] as number; child < (firstChild[parent + 1] as number); child++) {
        const target = parent === 0 ? 0 : this.next(fail[parent] as number, label[child] as number);
        fail[child] = target;
        outputLink[child] = (own[target] as number) >= 0 ? target : (outputLink[target] as number);
      }
    }
  }

  /** The state after reading `byte` (already folded) in `state`. */
  next(state: number, byte: number): number {
    const { label, firstChild, fail } = this;
    for (;;) {
      if (state < this.denseStates) return this.dense[state * 256 + byte] as number;
      const end = firstChild[state + 1] as number;
      let lo = firstChild[state] as number;
      // Deep states have one or two children: a linear look beats a binary search there.
      if (end - lo <= 8) {
        for (; lo < end; lo++) if (label[lo] === byte) return lo;
      } else {
        let hi = end - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const at = label[mid] as number;
          if (at === byte) return mid;
          if (at < byte) lo = mid + 1;
          else hi = mid - 1;
        }
      }
      state = fail[state] as number;
    }
  }

  /** Case folding applied to input bytes (identity unless case-insensitive). */
  foldByte(byte: number): number {
    return this.fold[byte] as number;
  }

  /** True when some pattern ends at `state`. */
  hasOutput(state: number): boolean {
    return (this.own[state] as number) >= 0 || (this.outputLink[state] as number) >= 0;
  }

  /** Calls `onMatch(patternIndex, start)` for every occurrence in `bytes`, in order of the match's end. */
  search(bytes: Uint8Array, onMatch: (patternIndex: number, start: number) => void): void {
    const { fold, dense, denseStates, own, outputLink } = this;
    let state = 0;
    for (let i = 0; i < bytes.length; i++) {
      const byte = fold[bytes[i] as number] as number;
      // Inlined for the shallow states most bytes visit: a load instead of a call.
      state = state < denseStates ? (dense[state * 256 + byte] as number) : this.next(state, byte);
      if ((own[state] as number) >= 0 || (outputLink[state] as number) >= 0) this.report(state, i + 1, onMatch);
    }
  }

  /**
   * The same over a string's UTF-16 units, characters above 127 read as byte 128: for ASCII
   * patterns such as keywords. A pattern holding byte 128 or above is confirmed in the text.
   */
  searchText(text: string, onMatch: (patternIndex: number, start: number) => void): void {
    const { fold } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      state = this.next(state, code < 128 ? (fold[code] as number) : 128);
      if (!this.hasOutput(state)) continue;
      this.report(state, i + 1, (index, start) => {
        const pattern = this.patterns[index] as string;
        // eslint-disable-next-line no-control-regex
        if (/[^\x00-\x7f]/.test(pattern) && !this.sameText(text.slice(start, start + pattern.length), pattern)) return;
        onMatch(index, start);
      });
    }
  }

  /** Every pattern ending at `state` (input offset `end`), longest first. */
  private report(state: number, end: number, onMatch: (patternIndex: number, start: number) => void): void {
    for (let s = (this.own[state] as number) >= 0 ? state : (this.outputLink[state] as number); s >= 0; s = this.outputLink[s] as number) {
      const start = end - (this.depth[s] as number);
      for (let p = this.own[s] as number; p >= 0; p = this.sameAs[p] as number) onMatch(p, start);
    }
  }

  private sameText(slice: string, pattern: string): boolean {
    return this.caseInsensitive ? slice.toLowerCase() === pattern.toLowerCase() : slice === pattern;
  }
}

/** States with a dense row: 16 MB at most whatever the patterns, so memory stays linear in their length. */
const DENSE_STATES = 16_384;

/** How many states are at most `maxDepth` deep (ids are breadth-first, so they come first). */
function statesUpTo(depth: Int32Array, maxDepth: number): number {
  let count = 1;
  while (count < depth.length && (depth[count] as number) <= maxDepth) count++;
  return count;
}

function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
