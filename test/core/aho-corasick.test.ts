import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick, byteString } from '../../src/core/aho-corasick.js';

function allMatches(matcher: AhoCorasick, text: string, mode: 'text' | 'bytes'): string[] {
  const out: string[] = [];
  const record = (index: number, start: number) => out.push(`${matcher.patterns[index]}@${start}`);
  if (mode === 'text') matcher.searchText(text, record);
  else matcher.search(Buffer.from(text, 'latin1'), record);
  return out.sort();
}

/** The obvious quadratic answer, to compare against. */
function naive(patterns: string[], text: string, caseInsensitive: boolean): string[] {
  const out: string[] = [];
  const hay = caseInsensitive ? text.replace(/[A-Z]/g, (c) => c.toLowerCase()) : text;
  for (const pattern of patterns) {
    const needle = caseInsensitive ? pattern.replace(/[A-Z]/g, (c) => c.toLowerCase()) : pattern;
    for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) out.push(`${pattern}@${at}`);
  }
  return out.sort();
}

describe('AhoCorasick', () => {
  it('finds overlapping and nested keywords case-insensitively', () => {
    const matcher = new AhoCorasick(['he', 'she', 'his', 'hers'], { caseInsensitive: true, text: true });
    expect(allMatches(matcher, 'uSHErs', 'text')).toEqual(['he@2', 'hers@2', 'she@1']);
  });

  it('is exact when case-sensitive, non-ASCII text patterns included', () => {
    const matcher = new AhoCorasick(['Pässwort', 'key'], { text: true });
    expect(allMatches(matcher, 'KEY key Pässwort Pässwert', 'text')).toEqual(['Pässwort@8', 'key@4']);
  });

  it('matches UTF-8 byte strings in bytes', () => {
    const matcher = new AhoCorasick([byteString('pässwort')]);
    const found: number[] = [];
    matcher.search(Buffer.from('x pässwort', 'utf8'), (_index, start) => found.push(start));
    expect(found).toEqual([2]);
  });

  it('reports every one of equal patterns', () => {
    const matcher = new AhoCorasick(['ab', 'AB', 'ab'], { caseInsensitive: true });
    expect(allMatches(matcher, 'xaB', 'bytes')).toEqual(['AB@1', 'ab@1', 'ab@1']);
  });

  for (const mode of ['text', 'bytes'] as const) {
    it(`agrees with a naive search on random input (${mode})`, () => {
      const letter = fc.constantFrom('a', 'b', 'A', 'B', '_', mode === 'bytes' ? '\u00ff' : 'é');
      const word = fc.string({ unit: letter, minLength: 1, maxLength: 5 });
      fc.assert(
        fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.string({ unit: letter, maxLength: 40 }), fc.boolean(), fc.option(fc.nat(4)), (patterns, text, ci, denseDepth) => {
          // Dense rows for fewer states (denseDepth) change the speed only, never the matches.
          const matcher = new AhoCorasick(patterns, { caseInsensitive: ci, text: mode === 'text', denseDepth: denseDepth ?? undefined });
          expect(allMatches(matcher, text, mode)).toEqual(naive(patterns, text, ci));
        }),
        { numRuns: 500 },
      );
    });
  }

  it('reports matches in order of their end', () => {
    const matcher = new AhoCorasick(['abcd', 'bc', 'c']);
    const order: string[] = [];
    matcher.search(Buffer.from('xabcd'), (index, start) => order.push(`${matcher.patterns[index]}@${start}`));
    expect(order).toEqual(['bc@2', 'c@3', 'abcd@1']);
  });

  it('takes memory linear in the total pattern length: one state per trie node, no row per state', () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const patterns = Array.from({ length: 20_000 }, () => Array.from({ length: 32 }, () => String.fromCharCode(33 + ((random() >>> 16) % 90))).join(''));
    const before = process.memoryUsage().arrayBuffers;
    const matcher = new AhoCorasick(patterns);
    expect(matcher.stateCount).toBeLessThanOrEqual(1 + 32 * patterns.length);
    // 21 bytes a state plus at most 16 MB of dense rows; a 129-entry Int32 row per state would be 516 bytes.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(matcher.stateCount * 30 + 16_384 * 256 * 4);
    const hits: number[] = [];
    matcher.search(Buffer.from(`zz${patterns[12_345]}zz`, 'latin1'), (index) => hits.push(index));
    expect(hits).toEqual([12_345]);
  });

  it('gives dense rows only to states as shallow as denseDepth', () => {
    const patterns = ['abc', 'abd', 'xyz'];
    expect(new AhoCorasick(patterns).denseStates).toBe(new AhoCorasick(patterns).stateCount);
    expect(new AhoCorasick(patterns, { denseDepth: 0 }).denseStates).toBe(1);
    expect(new AhoCorasick(patterns, { denseDepth: 2 }).denseStates).toBe(5); // root, a, x, ab, xy
  });
});
