/**
 * An Aho-Corasick automaton over bytes, compiled to a dense DFA so that scanning costs one
 * typed-array load per input byte (https://doi.org/10.1145/360825.360855).
 *
 * The table is premultiplied: an entry is the next state's row offset (`state * 256`), so the
 * hot loop is `entry = table[row + byte]` with no multiplication. An entry is stored negated
 * (`-offset - 1`) when the next state ends a pattern, so the common no-match case is a single
 * sign test instead of a second lookup.
 */
export interface Automaton {
  /** `states * 256` entries; see the module comment for the encoding. */
  readonly table: Int32Array;
  /** For each state: how many trailing input bytes it stands for (its depth in the trie). */
  readonly depth: Int32Array;
  /** For each state: the length of the longest pattern that ends there (0 when none). */
  readonly matchLength: Int32Array;
  /** The longest pattern's length in bytes (0 when there are no patterns). */
  readonly maxLength: number;
}

const ALPHABET = 256;

/** Builds the DFA for a set of non-empty byte patterns (duplicates are harmless). */
export function buildAutomaton(patterns: readonly Uint8Array[]): Automaton {
  const stateCount = 1 + patterns.reduce((sum, pattern) => sum + pattern.length, 0);
  // Trie edges first, as plain state numbers (0 = no edge, since no edge can lead back to the root).
  const goto = new Int32Array(stateCount * ALPHABET);
  const depth = new Int32Array(stateCount);
  const matchLength = new Int32Array(stateCount);
  let states = 1;
  let maxLength = 0;
  for (const pattern of patterns) {
    if (pattern.length === 0) continue;
    let state = 0;
    for (const byte of pattern) {
      const slot = state * ALPHABET + byte;
      let next = goto[slot] ?? 0;
      if (next === 0) {
        next = states++;
        goto[slot] = next;
        depth[next] = (depth[state] ?? 0) + 1;
      }
      state = next;
    }
    matchLength[state] = pattern.length;
    maxLength = Math.max(maxLength, pattern.length);
  }

  // Breadth-first: a state's failure link is shallower, so its row and match length are final
  // by the time the state is reached. Missing edges become the failure state's transition.
  const fail = new Int32Array(states);
  const table = new Int32Array(states * ALPHABET);
  const queue = new Int32Array(states);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  while (head < tail) {
    const state = queue[head++] ?? 0;
    const failure = fail[state] ?? 0;
    // A shorter pattern that is a suffix of this state's bytes also ends here; the longer one
    // ending at the same position covers it, so keep the longest.
    if (state !== 0) matchLength[state] = Math.max(matchLength[state] ?? 0, matchLength[failure] ?? 0);
    for (let byte = 0; byte < ALPHABET; byte++) {
      const child = goto[state * ALPHABET + byte] ?? 0;
      let target: number;
      if (child !== 0) {
        fail[child] = state === 0 ? 0 : resolve(table, failure, byte);
        queue[tail++] = child;
        target = child;
      } else {
        target = state === 0 ? 0 : resolve(table, failure, byte);
      }
      table[state * ALPHABET + byte] = target;
    }
  }
  // Encode: premultiply, and flag states that end a pattern. Match lengths are final only now.
  for (let slot = 0; slot < table.length; slot++) {
    const target = table[slot] ?? 0;
    table[slot] = (matchLength[target] ?? 0) > 0 ? -(target * ALPHABET) - 1 : target * ALPHABET;
  }
  return { table, depth: depth.subarray(0, states), matchLength: matchLength.subarray(0, states), maxLength };
}

/** The plain target state of an already-filled (not yet encoded) row. */
function resolve(table: Int32Array, state: number, byte: number): number {
  return table[state * ALPHABET + byte] ?? 0;
}
