/**
 * A multi-pattern matcher (Aho-Corasick, compiled to a full DFA over ASCII) that finds every
 * occurrence of every pattern, overlapping ones included, in one pass over the text. It is the
 * scan's prefilter: one pass finds all rule keywords, and regexes then run only where a keyword is.
 *
 * Characters outside ASCII share one input class; a pattern that contains such characters is
 * re-checked with `startsWith` when it matches, so the result stays exact.
 */

const ALPHABET = 129; // 0-127, and 128 for everything else
const OTHER = 128;

export interface AhoCorasickOptions {
  /** Fold A-Z to a-z in patterns and text (keywords); off for exact values. */
  caseInsensitive: boolean;
}

export class AhoCorasick {
  readonly patterns: readonly string[];
  /**
   * Transitions, pre-multiplied by ALPHABET so the hot loop needs no multiplication. A target state
   * where some pattern ends is stored as `-(offset + 1)`: one sign test per character tells
   * whether to look at outputs at all.
   */
  private readonly delta: Int32Array;
  /** For each state, the pattern indexes that end there (own and through failure links). */
  private readonly outputs: Array<readonly number[] | undefined>;
  private readonly fold: Uint8Array;
  private readonly needsCheck: Uint8Array;
  private readonly caseInsensitive: boolean;

  constructor(patterns: readonly string[], options: AhoCorasickOptions) {
    this.patterns = patterns;
    this.caseInsensitive = options.caseInsensitive;
    this.fold = new Uint8Array(128);
    for (let c = 0; c < 128; c++) this.fold[c] = options.caseInsensitive && c >= 65 && c <= 90 ? c + 32 : c;
    this.needsCheck = new Uint8Array(patterns.length);

    // Trie: children as per-state arrays of ALPHABET entries, -1 for none.
    const children: Int32Array[] = [new Int32Array(ALPHABET).fill(-1)];
    const own: number[][] = [[]];
    patterns.forEach((pattern, index) => {
      if (pattern.length === 0) throw new Error('empty pattern');
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const c = this.classOf(pattern.charCodeAt(i));
        if (c === OTHER) this.needsCheck[index] = 1;
        const row = children[state] as Int32Array;
        let next = row[c] as number;
        if (next === -1) {
          next = children.length;
          children.push(new Int32Array(ALPHABET).fill(-1));
          own.push([]);
          row[c] = next;
        }
        state = next;
      }
      (own[state] as number[]).push(index);
    });

    // Breadth-first: failure links, then fill every missing transition so matching never backtracks.
    const count = children.length;
    const delta = new Int32Array(count * ALPHABET);
    const fail = new Int32Array(count);
    const outputs: Array<number[] | undefined> = new Array(count);
    outputs[0] = undefined;
    const queue: number[] = [];
    const root = children[0] as Int32Array;
    for (let c = 0; c < ALPHABET; c++) {
      const next = root[c] as number;
      if (next === -1) delta[c] = 0;
      else {
        delta[c] = next;
        fail[next] = 0;
        queue.push(next);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      const inherited = outputs[fail[state] as number];
      const mine = own[state] as number[];
      outputs[state] = mine.length > 0 || inherited ? [...mine, ...(inherited ?? [])] : undefined;
      const row = children[state] as Int32Array;
      for (let c = 0; c < ALPHABET; c++) {
        const next = row[c] as number;
        const viaFail = delta[(fail[state] as number) * ALPHABET + c] as number;
        if (next === -1) delta[state * ALPHABET + c] = viaFail;
        else {
          delta[state * ALPHABET + c] = next;
          fail[next] = viaFail;
          queue.push(next);
        }
      }
    }
    for (let i = 0; i < delta.length; i++) {
      const next = delta[i] as number;
      delta[i] = outputs[next] === undefined ? next * ALPHABET : -(next * ALPHABET + 1);
    }
    this.delta = delta;
    this.outputs = outputs;
  }

  /** Calls `onMatch(patternIndex, start)` for every occurrence, in order of the match's end. */
  search(text: string, onMatch: (patternIndex: number, start: number) => void): void {
    const { delta, outputs, fold, needsCheck, patterns } = this;
    let offset = 0;
    const length = text.length;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      offset = delta[offset + (code < 128 ? (fold[code] as number) : OTHER)] as number;
      if (offset >= 0) continue;
      offset = -offset - 1;
      const found = outputs[offset / ALPHABET] as readonly number[];
      for (const index of found) {
        const pattern = patterns[index] as string;
        const start = i - pattern.length + 1;
        if (needsCheck[index] === 1 && !this.sameAt(text, start, pattern)) continue;
        onMatch(index, start);
      }
    }
  }

  private classOf(code: number): number {
    return code < 128 ? (this.fold[code] as number) : OTHER;
  }

  private sameAt(text: string, start: number, pattern: string): boolean {
    const slice = text.slice(start, start + pattern.length);
    return this.caseInsensitive ? slice.toLowerCase() === pattern.toLowerCase() : slice === pattern;
  }
}
