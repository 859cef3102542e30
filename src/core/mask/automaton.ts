/**
 * An Aho-Corasick automaton over bytes, compiled to a dense DFA so that scanning costs one
 * or two typed-array loads per input byte (https://doi.org/10.1145/360825.360855).
 *
 * When the patterns are long (PEM keys and their encodings), bytes are first mapped to classes:
 * every byte that occurs in some pattern has its own class, all others share class 0, and rows are
 * as wide as the number of classes (base64 and printable text use under 100 of the 256 values),
 * which keeps the table a few times smaller. Otherwise a class is just the byte. The table is premultiplied: an entry is the next state's row offset
 * (`state * classCount`), and it is stored negated (`-offset - 1`) when the next state ends a
 * pattern, so the common no-match case is a single sign test.
 */
export interface Automaton {
  /** Byte → class (0 for bytes that occur in no pattern). */
  readonly classOf: Uint8Array;
  /** Row width: the number of classes (256 when classes are the bytes themselves). */
  readonly classCount: number;
  /** `states * classCount` entries; see the module comment for the encoding. */
  readonly table: Int32Array;
  /** For each state: how many trailing input bytes it stands for (its depth in the trie). */
  readonly depth: Int32Array;
  /** For each state: the length of the longest pattern that ends there (0 when none). */
  readonly matchLength: Int32Array;
  /** The longest pattern's length in bytes (0 when there are no patterns). */
  readonly maxLength: number;
}

/** Up to this many table entries (16 MB), rows are 256 wide: one load less per scanned byte. */
const MAX_FULL_WIDTH_ENTRIES = 4 * 1024 * 1024;

/**
 * Builds the DFA for a set of byte patterns (empty ones are ignored, duplicates are harmless).
 * `compact` forces (or forbids) byte classes; by default the table's size decides.
 */
export function buildAutomaton(patterns: readonly Uint8Array[], options: { compact?: boolean } = {}): Automaton {
  const stateCount = 1 + patterns.reduce((sum, pattern) => sum + pattern.length, 0);
  const classOf = new Uint8Array(256);
  let classCount = 1;
  if (!(options.compact ?? stateCount * 256 > MAX_FULL_WIDTH_ENTRIES)) {
    // Small enough for full rows: classes are the bytes themselves, and the scanner skips the mapping.
    for (let byte = 0; byte < 256; byte++) classOf[byte] = byte;
    classCount = 256;
  } else {
    for (const pattern of patterns) {
      for (const byte of pattern) if (classOf[byte] === 0) classOf[byte] = classCount++;
    }
  }
  // First the trie, as plain state numbers (0 = no edge: no edge leads back to the root).
  const table = new Int32Array(stateCount * classCount);
  const depth = new Int32Array(stateCount);
  const matchLength = new Int32Array(stateCount);
  let states = 1;
  let maxLength = 0;
  for (const pattern of patterns) {
    if (pattern.length === 0) continue;
    let state = 0;
    for (const byte of pattern) {
      const slot = state * classCount + (classOf[byte] as number);
      let next = table[slot] as number;
      if (next === 0) {
        next = states++;
        table[slot] = next;
        depth[next] = (depth[state] as number) + 1;
      }
      state = next;
    }
    matchLength[state] = Math.max(matchLength[state] as number, pattern.length);
    maxLength = Math.max(maxLength, pattern.length);
  }

  // Then, breadth-first and in place, each row becomes the DFA row: a missing edge takes the
  // failure state's transition. A failure state is shallower, so its row is final by then.
  const fail = new Int32Array(states);
  const queue = new Int32Array(states);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  while (head < tail) {
    const state = queue[head++] as number;
    const failure = fail[state] as number;
    // A shorter pattern that is a suffix of this state's bytes ends here too; the longest covers it.
    if (state !== 0) matchLength[state] = Math.max(matchLength[state] as number, matchLength[failure] as number);
    const row = state * classCount;
    for (let cls = 0; cls < classCount; cls++) {
      const child = table[row + cls] as number;
      const viaFailure = state === 0 ? 0 : (table[failure * classCount + cls] as number);
      if (child !== 0) {
        fail[child] = viaFailure;
        queue[tail++] = child;
      } else {
        table[row + cls] = viaFailure;
      }
    }
  }
  // Encode: premultiply, and flag the states that end a pattern (match lengths are final only now).
  const used = table.subarray(0, states * classCount);
  for (let slot = 0; slot < used.length; slot++) {
    const target = used[slot] as number;
    used[slot] = (matchLength[target] as number) > 0 ? -(target * classCount) - 1 : target * classCount;
  }
  return {
    classOf,
    classCount,
    table: used.slice(),
    depth: depth.slice(0, states),
    matchLength: matchLength.slice(0, states),
    maxLength,
  };
}
