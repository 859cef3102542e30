import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLineBreaks, endOfName, isInlineSpace, isNameChar, lineEnd, skipInlineSpace } from '../../../src/core/dotenv/chars.js';

/**
 * The scanners are sticky regular expressions (issue 14: a cold parse spent most of its time in
 * per-character loops); they must stop exactly where the character-class loops they replaced
 * stop, at every position, past the end of the text included.
 */
describe('dotenv character scanners', () => {
  const reference = {
    lineEnd(text: string, from: number): number {
      for (let i = from; i < text.length; i += 1) if (text[i] === '\n' || text[i] === '\r') return i;
      return text.length;
    },
    skipInlineSpace(text: string, from: number): number {
      let i = from;
      while (isInlineSpace(text[i])) i += 1;
      return i;
    },
    endOfName(text: string, from: number): number {
      let i = from;
      while (isNameChar(text[i])) i += 1;
      return i;
    },
    countLineBreaks(text: string): number {
      return text.replace(/\r\n/g, '\n').split(/[\n\r]/).length - 1;
    },
  };
  // The characters the grammar cares about, and some it does not.
  const text = fc.string({ unit: fc.constantFrom('a', 'Z', '_', '.', '-', '9', ' ', '\t', '\u00a0', '\n', '\r', '\u2028', '=', '#', '"', 'é', '\ufeff') });

  it('stop where the per-character loops stopped, from any position', () => {
    fc.assert(
      fc.property(text, fc.nat(40), (value, from) => {
        expect(lineEnd(value, from)).toBe(reference.lineEnd(value, from));
        expect(skipInlineSpace(value, from)).toBe(reference.skipInlineSpace(value, from));
        expect(endOfName(value, from)).toBe(reference.endOfName(value, from));
        expect(countLineBreaks(value)).toBe(reference.countLineBreaks(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('count CRLF as one line break and a lone CR as one', () => {
    expect(countLineBreaks('a\r\nb\rc\nd')).toBe(3);
    expect(lineEnd('abc', 7)).toBe(3);
    expect(skipInlineSpace('ab', 5)).toBe(5);
  });
});
