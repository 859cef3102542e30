import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../../src/core/aho-corasick.js';
import { createKeywordSearch, SMALL_INPUT } from '../../../src/core/scan/keyword-search.js';

/** What the automaton reports, in its order: the reference the pair table must equal. */
function byAutomaton(keywords: string[], text: string): string[] {
  const hits: string[] = [];
  new AhoCorasick(keywords, { caseInsensitive: true, text: true, denseDepth: 2 }).searchText(text, (k, start) => hits.push(`${keywords[k]}@${start}`));
  return hits;
}

function bySearch(search: ReturnType<typeof createKeywordSearch>, keywords: string[], text: string): string[] {
  const hits: string[] = [];
  search.search(text, (k, start) => hits.push(`${keywords[k]}@${start}`));
  return hits;
}

describe('keyword search', () => {
  it('finds overlapping and nested keywords, case-folded, in the automaton order (by end, longest first)', () => {
    const keywords = ['key', 'api_key', 'ke', 'secret'];
    const search = createKeywordSearch(keywords);
    expect(bySearch(search, keywords, 'x API_KEY=1 SeCrEt kEy')).toEqual(['ke@6', 'api_key@2', 'key@6', 'secret@12', 'ke@19', 'key@19']);
    expect(bySearch(search, keywords, 'x API_KEY=1 SeCrEt kEy')).toEqual(byAutomaton(keywords, 'x API_KEY=1 SeCrEt kEy'));
  });

  it('never matches across a character above 127 (the automaton reads it as byte 128)', () => {
    const keywords = ['ab'];
    expect(bySearch(createKeywordSearch(keywords), keywords, 'aéb ab ÄB')).toEqual(['ab@4']);
  });

  it('agrees with the automaton on random keywords and text', () => {
    const letter = fc.constantFrom('a', 'b', 'A', 'B', '_', 'é', '\n');
    const keyword = fc.string({ unit: fc.constantFrom('a', 'b', '_'), minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(fc.uniqueArray(keyword, { minLength: 1, maxLength: 8 }), fc.string({ unit: letter, maxLength: 60 }), (keywords, text) => {
        expect(bySearch(createKeywordSearch(keywords), keywords, text)).toEqual(byAutomaton(keywords, text));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same hits once the scanned text outgrows the pair table and the automaton takes over', () => {
    const keywords = ['token', 'to', 'ghp_'];
    const search = createKeywordSearch(keywords);
    const text = 'a TOKEN=ghp_x to\n';
    const big = text.repeat(Math.ceil(SMALL_INPUT / text.length) + 1);
    expect(bySearch(search, keywords, text)).toEqual(byAutomaton(keywords, text));
    expect(bySearch(search, keywords, big)).toEqual(byAutomaton(keywords, big));
    expect(bySearch(search, keywords, text)).toEqual(byAutomaton(keywords, text));
  });

  it('hands keywords the table cannot hold (one character, non-ASCII) to the automaton', () => {
    for (const keywords of [['k', 'key'], ['pässwort']]) {
      expect(bySearch(createKeywordSearch(keywords), keywords, 'KEY PÄSSWORT pässwort k')).toEqual(byAutomaton(keywords, 'KEY PÄSSWORT pässwort k'));
    }
  });
});
