import { AhoCorasick } from '../aho-corasick.js';

/** One text to hide: anywhere it occurs, or only as a whole word (short secrets: `42` inside `1425` is no leak). */
export interface MaskPattern {
  /** Byte string (see `byteString`). */
  readonly text: string;
  readonly wholeWord: boolean;
}

/**
 * The automaton plus what masking asks at each state where a pattern ends, precomputed so that
 * the per-byte loop tests one flag: the longest anywhere-pattern ending there, and the chain of
 * whole-word patterns ending there (each needs its own edge checks, so none may hide another).
 * Only the flag is kept for every state; the rest is kept for the states with a flag (a few per
 * pattern, where a trie of 100,000 values has tens of millions of states), found by
 * {@link outputSlot}.
 */
export interface MaskTable {
  readonly automaton: AhoCorasick;
  /** 1 where some pattern ends. */
  readonly flags: Uint8Array;
  /** The states with a flag, ascending; slot k below describes `outputStates[k]`. */
  readonly outputStates: Int32Array;
  /** Length of the longest anywhere-pattern ending at the slot's state (0: none). */
  readonly anyLength: Int32Array;
  /** First state on the slot's suffix chain where a whole-word pattern ends (-1: none). */
  readonly wordHead: Int32Array;
  /** For a whole-word state's slot, the next such state along the chain (-1: none). */
  readonly wordNext: Int32Array;
}

/** The slot of a state that has a flag (binary search: asked only where a pattern ends). */
export function outputSlot(table: Pick<MaskTable, 'outputStates'>, state: number): number {
  const states = table.outputStates;
  let lo = 0;
  let hi = states.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = states[mid] as number;
    if (at === state) return mid;
    if (at < state) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Builds the table; a text given both ways is hidden anywhere. */
export function buildMaskTable(patterns: readonly MaskPattern[]): MaskTable {
  const wholeWord = new Map<string, boolean>();
  for (const { text, wholeWord: word } of patterns) {
    if (text !== '') wholeWord.set(text, (wholeWord.get(text) ?? true) && word);
  }
  const texts = [...wholeWord.keys()];
  const automaton = new AhoCorasick(texts);
  const states = automaton.stateCount;
  const { own, outputLink, depth } = automaton;
  let count = 0;
  for (let s = 1; s < states; s++) if ((own[s] as number) >= 0 || (outputLink[s] as number) >= 0) count++;
  const outputStates = new Int32Array(count);
  for (let s = 1, k = 0; s < states; s++) if ((own[s] as number) >= 0 || (outputLink[s] as number) >= 0) outputStates[k++] = s;
  const flags = new Uint8Array(states);
  const anyLength = new Int32Array(count);
  const wordHead = new Int32Array(count).fill(-1);
  const wordNext = new Int32Array(count).fill(-1);
  const table = { automaton, flags, outputStates, anyLength, wordHead, wordNext };
  // Breadth-first ids: a suffix state is shallower (a lower slot), so its entries are final when read.
  for (let k = 0; k < count; k++) {
    const s = outputStates[k] as number;
    const link = outputLink[s] as number;
    const linkSlot = link >= 0 ? outputSlot(table, link) : -1;
    const pattern = own[s] as number;
    const word = pattern >= 0 && wholeWord.get(texts[pattern] as string) === true;
    anyLength[k] = pattern >= 0 && !word ? (depth[s] as number) : linkSlot >= 0 ? (anyLength[linkSlot] as number) : 0;
    const below = linkSlot >= 0 ? (wordHead[linkSlot] as number) : -1;
    if (word) {
      wordHead[k] = s;
      wordNext[k] = below;
    } else wordHead[k] = below;
    flags[s] = (anyLength[k] as number) > 0 || (wordHead[k] as number) >= 0 ? 1 : 0;
  }
  return table;
}
