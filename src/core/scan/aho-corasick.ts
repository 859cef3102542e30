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
  /** Work (patterns × characters) below which `indexOf` is used instead of building the DFA. */
  naiveWorkLimit?: number;
}

/**
 * Below this much work (patterns × characters scanned so far), `indexOf` per pattern is cheaper
 * than building the DFA: a pre-commit hook scans a few kilobytes, and building the automaton for
 * the project's known values (hundreds of patterns, thousands of states) measured ~17 ms of it.
 */
const NAIVE_WORK_LIMIT = 8_000_000;

export class AhoCorasick {
  readonly patterns: readonly string[];
  private work = 0;
  private dfa: { delta: Int32Array; outputs: Array<readonly number[] | undefined> } | undefined;
  private readonly foldedPatterns: readonly string[];
  private readonly naiveWorkLimit: number;
  /**
   * Transitions, pre-multiplied by ALPHABET so the hot loop needs no multiplication. A target state
   * where some pattern ends is stored as `-(offset + 1)`: one sign test per character tells
   * whether to look at outputs at all.
   */
  private readonly fold: Uint8Array;
  private readonly needsCheck: Uint8Array;
  private readonly caseInsensitive: boolean;

  constructor(patterns: readonly string[], options: AhoCorasickOptions) {
    this.patterns = patterns;
    this.caseInsensitive = options.caseInsensitive;
    this.naiveWorkLimit = options.naiveWorkLimit ?? NAIVE_WORK_LIMIT;
    this.fold = new Uint8Array(128);
    for (let c = 0; c < 128; c++) this.fold[c] = options.caseInsensitive && c >= 65 && c <= 90 ? c + 32 : c;
    this.needsCheck = new Uint8Array(patterns.length);
    patterns.forEach((pattern, index) => {
      if (pattern.length === 0) throw new Error('empty pattern');
      for (let i = 0; i < pattern.length; i++) if (pattern.charCodeAt(i) >= 128) this.needsCheck[index] = 1;
    });
    this.foldedPatterns = patterns.map((pattern) => this.foldAscii(pattern));
  }

  /** Builds the DFA (once): a trie, failure links, then every transition filled in. */
  private build(): { delta: Int32Array; outputs: Array<readonly number[] | undefined> } {
    const patterns = this.patterns;

    // Trie: children as per-state arrays of ALPHABET entries, -1 for none.
    const children: Int32Array[] = [new Int32Array(ALPHABET).fill(-1)];
    const own: number[][] = [[]];
    patterns.forEach((pattern, index) => {
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const c = this.classOf(pattern.charCodeAt(i));
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
    return { delta, outputs };
  }

  /** Calls `onMatch(patternIndex, start)` for every occurrence, in order of the match's end. */
  search(text: string, onMatch: (patternIndex: number, start: number) => void): void {
    this.work += text.length * this.patterns.length;
    if (this.dfa === undefined && this.work <= this.naiveWorkLimit) {
      this.searchNaive(text, onMatch);
      return;
    }
    this.dfa ??= this.build();
    const { delta, outputs } = this.dfa;
    const { fold, needsCheck, patterns } = this;
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

  /** The same matches as the DFA, by `indexOf` per pattern on ASCII-folded text (same length, same offsets). */
  private searchNaive(text: string, onMatch: (patternIndex: number, start: number) => void): void {
    const haystack = this.foldAscii(text);
    const found: Array<[number, number]> = [];
    this.foldedPatterns.forEach((pattern, index) => {
      for (let at = haystack.indexOf(pattern); at !== -1; at = haystack.indexOf(pattern, at + 1)) {
        if (this.needsCheck[index] === 1 && !this.sameAt(text, at, this.patterns[index] as string)) continue;
        found.push([index, at]);
      }
    });
    // DFA order: by end of match, longer (earlier-starting) first at the same end.
    found.sort((a, b) => a[1] + (this.patterns[a[0]] as string).length - (b[1] + (this.patterns[b[0]] as string).length) || a[1] - b[1]);
    for (const [index, start] of found) onMatch(index, start);
  }

  private foldAscii(text: string): string {
    return this.caseInsensitive ? text.replace(/[A-Z]+/g, (run) => run.toLowerCase()) : text;
  }

  private classOf(code: number): number {
    return code < 128 ? (this.fold[code] as number) : OTHER;
  }

  private sameAt(text: string, start: number, pattern: string): boolean {
    const slice = text.slice(start, start + pattern.length);
    return this.caseInsensitive ? slice.toLowerCase() === pattern.toLowerCase() : slice === pattern;
  }
}
