import { AhoCorasick } from '../aho-corasick.js';

/** One text to hide: anywhere it occurs, or only as a whole word (short secrets: `42` inside `1425` is no leak). */
export interface MaskPattern {
  /** Byte string (see `byteString`). */
  readonly text: string;
  readonly wholeWord: boolean;
}

/**
 * The automaton plus what masking asks at each state, precomputed so that the per-byte loop
 * tests one flag: the longest anywhere-pattern ending there, and the chain of whole-word
 * patterns ending there (each needs its own edge checks, so none may hide another).
 */
export interface MaskTable {
  readonly automaton: AhoCorasick;
  /** 1 where some pattern ends. */
  readonly flags: Uint8Array;
  /** Length of the longest anywhere-pattern ending at the state (0: none). */
  readonly anyLength: Int32Array;
  /** First state on the state's suffix chain where a whole-word pattern ends (-1: none). */
  readonly wordHead: Int32Array;
  /** For such a state, the next one along the chain (-1: none). */
  readonly wordNext: Int32Array;
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
  const flags = new Uint8Array(states);
  const anyLength = new Int32Array(states);
  const wordHead = new Int32Array(states).fill(-1);
  const wordNext = new Int32Array(states).fill(-1);
  // Breadth-first ids: a suffix state is shallower, so its entries are final when read.
  for (let s = 1; s < states; s++) {
    const link = outputLink[s] as number;
    const pattern = own[s] as number;
    const word = pattern >= 0 && wholeWord.get(texts[pattern] as string) === true;
    anyLength[s] = pattern >= 0 && !word ? (depth[s] as number) : link >= 0 ? (anyLength[link] as number) : 0;
    const below = link >= 0 ? (wordHead[link] as number) : -1;
    if (word) {
      wordHead[s] = s;
      wordNext[s] = below;
    } else wordHead[s] = below;
    flags[s] = (anyLength[s] as number) > 0 || (wordHead[s] as number) >= 0 ? 1 : 0;
  }
  return { automaton, flags, anyLength, wordHead, wordNext };
}
