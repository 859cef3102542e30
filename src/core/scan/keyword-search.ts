import { AhoCorasick } from '../aho-corasick.js';

/**
 * The scan's keyword prefilter: every occurrence of every rule keyword in a text, ASCII letters
 * folded to lower case, reported as `onMatch(keywordIndex, start)` in the order an Aho-Corasick
 * automaton reports them (by end, longest first).
 *
 * Two ways to the same hits. The automaton is linear in the text whatever the keywords, but
 * building it for the ~600 keywords of the 335 rules costs more than a whole pre-commit's scan
 * (~15 ms, most of the hook's instructions with the compiler work it triggers: issue 14), and a
 * commit's added lines are a few kilobytes. So the first {@link SMALL_INPUT} characters a scanner
 * sees are searched through a table of the keywords by their first two characters (built from
 * the keywords in one pass), and the automaton is built only once the scanned text outgrows that.
 * Either way the cost stays linear in the text: the table's chains are at most as long as the
 * keywords sharing a first pair, a fixed number.
 */

/** Characters searched through the pair table before the automaton is built (about 20 ms of table search). */
export const SMALL_INPUT = 256 * 1024;

export interface KeywordSearch {
  search(text: string, onMatch: (keywordIndex: number, start: number) => void): void;
}

/** `keywords`: lower-case, at least two characters each. */
export function createKeywordSearch(keywords: readonly string[]): KeywordSearch {
  // The table handles ASCII keywords of two or more characters; anything else goes to the automaton from the start.
  // eslint-disable-next-line no-control-regex
  let searched = keywords.every((keyword) => keyword.length >= 2 && /^[\x00-\x40\x5b-\x7f]+$/.test(keyword)) ? 0 : Infinity;
  let automaton: AhoCorasick | undefined;
  let table: PairTable | undefined;
  return {
    search(text, onMatch) {
      searched += text.length;
      if (searched <= SMALL_INPUT) {
        (table ??= pairTable(keywords)).search(text, onMatch);
        return;
      }
      (automaton ??= new AhoCorasick(keywords, { caseInsensitive: true, text: true, denseDepth: 2 })).searchText(text, onMatch);
    },
  };
}

interface PairTable {
  search(text: string, onMatch: (keywordIndex: number, start: number) => void): void;
}

/** Keywords chained by their first two characters (`first[pair]`, then `next[keyword]`). */
function pairTable(keywords: readonly string[]): PairTable {
  const first = new Int32Array(128 * 128).fill(-1);
  const next = new Int32Array(keywords.length);
  for (let k = keywords.length - 1; k >= 0; k--) {
    const keyword = keywords[k] as string;
    const pair = keyword.charCodeAt(0) * 128 + keyword.charCodeAt(1);
    next[k] = first[pair] as number;
    first[pair] = k;
  }
  return {
    search(text, onMatch) {
      // Hits as (end, length, keyword) triples, sorted below into the automaton's order.
      const hits: number[] = [];
      let previous = text.length > 0 ? fold(text.charCodeAt(0)) : -1;
      for (let i = 0; i + 1 < text.length; i++) {
        const current = fold(text.charCodeAt(i + 1));
        const lead = previous;
        previous = current;
        if (lead < 0 || current < 0) continue;
        for (let k = first[lead * 128 + current] as number; k >= 0; k = next[k] as number) {
          const keyword = keywords[k] as string;
          if (i + keyword.length > text.length) continue;
          let j = 2;
          while (j < keyword.length && fold(text.charCodeAt(i + j)) === keyword.charCodeAt(j)) j++;
          if (j === keyword.length) hits.push(i + keyword.length, keyword.length, k);
        }
      }
      if (hits.length === 0) return;
      const order = Array.from({ length: hits.length / 3 }, (_, n) => n * 3);
      order.sort((a, b) => (hits[a] as number) - (hits[b] as number) || (hits[b + 1] as number) - (hits[a + 1] as number) || (hits[a + 2] as number) - (hits[b + 2] as number));
      for (const at of order) onMatch(hits[at + 2] as number, (hits[at] as number) - (hits[at + 1] as number));
    },
  };
}

/** A-Z to a-z; -1 for characters above 127, which no keyword holds. */
function fold(code: number): number {
  return code >= 128 ? -1 : code >= 65 && code <= 90 ? code + 32 : code;
}
