import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../../src/core/scan/aho-corasick.js';

function allMatches(matcher: AhoCorasick, text: string): string[] {
  const out: string[] = [];
  matcher.search(text, (index, start) => out.push(`${matcher.patterns[index]}@${start}`));
  return out.sort();
}

/** The obvious quadratic answer, to compare against. */
function naive(patterns: string[], text: string, caseInsensitive: boolean): string[] {
  const out: string[] = [];
  const hay = caseInsensitive ? text.replace(/[A-Z]/g, (c) => c.toLowerCase()) : text;
  for (const pattern of new Set(patterns)) {
    const needle = caseInsensitive ? pattern.replace(/[A-Z]/g, (c) => c.toLowerCase()) : pattern;
    for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) out.push(`${pattern}@${at}`);
  }
  return out.sort();
}

// Small scans use indexOf per pattern, large ones the DFA: both paths must give the same matches.
describe.each([
  ['the DFA', 0],
  ['indexOf per pattern', Number.POSITIVE_INFINITY],
])('AhoCorasick through %s', (_path, naiveWorkLimit) => {
  it('finds overlapping and nested keywords case-insensitively', () => {
    const matcher = new AhoCorasick(['he', 'she', 'his', 'hers'], { caseInsensitive: true, naiveWorkLimit });
    expect(allMatches(matcher, 'uSHErs')).toEqual(['he@2', 'hers@2', 'she@1']);
  });

  it('is exact when case-sensitive, non-ASCII patterns included', () => {
    const matcher = new AhoCorasick(['Pässwort', 'key'], { caseInsensitive: false, naiveWorkLimit });
    expect(allMatches(matcher, 'KEY key Pässwort Pässwert')).toEqual(['Pässwort@8', 'key@4']);
  });

  it('agrees with a naive search on random input', () => {
    const letter = fc.constantFrom('a', 'b', 'A', 'B', 'é', '_');
    const word = fc.string({ unit: letter, minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 6 }), fc.string({ unit: letter, maxLength: 40 }), fc.boolean(), (patterns, text, ci) => {
        const distinct = ci ? [...new Map(patterns.map((p) => [p.replace(/[A-Z]/g, (c) => c.toLowerCase()), p])).values()] : patterns;
        expect(allMatches(new AhoCorasick(distinct, { caseInsensitive: ci, naiveWorkLimit }), text)).toEqual(naive(distinct, text, ci));
      }),
    );
  });

  it('reports matches in order of their end, as the prefilter expects', () => {
    const matcher = new AhoCorasick(['abcd', 'bc', 'c'], { caseInsensitive: false, naiveWorkLimit });
    const order: string[] = [];
    matcher.search('xabcd', (index, start) => order.push(`${matcher.patterns[index]}@${start}`));
    expect(order).toEqual(['bc@2', 'c@3', 'abcd@1']);
  });
});
