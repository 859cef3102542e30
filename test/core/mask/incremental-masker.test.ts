import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMaskTable } from '../../../src/core/mask/mask-table.js';
import { IncrementalMasker } from '../../../src/core/mask/incremental-masker.js';
import { referenceMask } from './reference.js';

const STAR = Buffer.from('****');

const tableOf = (patterns: Buffer[], words: Buffer[] = []) =>
  buildMaskTable([...patterns.map((p) => ({ text: p.toString('latin1'), wholeWord: false })), ...words.map((p) => ({ text: p.toString('latin1'), wholeWord: true }))]);

function maskInChunks(patterns: Buffer[], text: Buffer, cuts: number[], words: Buffer[] = []): { output: Buffer; pieces: Buffer[] } {
  const scanner = new IncrementalMasker(tableOf(patterns, words), STAR);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    pieces.push(...scanner.push(text.subarray(from, cut)));
    from = cut;
  }
  pieces.push(...scanner.push(text.subarray(from)), ...scanner.end());
  return { output: Buffer.concat(pieces), pieces };
}

// A small alphabet makes overlaps, nested patterns and near misses common.
const bytesOver = (alphabet: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((chars) => Buffer.from(chars.join('')));

describe('IncrementalMasker', () => {
  it('hides each occurrence, the longest form of nested patterns as one run', () => {
    const patterns = [Buffer.from('abc'), Buffer.from('abcdef'), Buffer.from('xyz')];
    const { output } = maskInChunks(patterns, Buffer.from('1 abcdef 2 abc 3 xyzabc 4 abcde'), []);
    expect(output.toString()).toBe('1 **** 2 **** 3 ******** 4 ****de');
  });

  it('merges overlapping secrets so no part of either shows', () => {
    const patterns = [Buffer.from('abcdef'), Buffer.from('defghi')];
    const { output } = maskInChunks(patterns, Buffer.from('<abcdefghi>'), []);
    expect(output.toString()).toBe('<****>');
  });

  it('masks a secret fed one byte at a time and never emits part of it', () => {
    const secret = Buffer.from('s3cr3t-value');
    const text = Buffer.from('before s3cr3t-value after s3cr3t-valu end');
    const cuts = Array.from({ length: text.length }, (_, i) => i);
    const { output, pieces } = maskInChunks([secret], text, cuts);
    expect(output.toString()).toBe('before **** after s3cr3t-valu end');
    // Up to the masked occurrence, not a single byte of the secret was written ahead of its mask.
    const upToMask = pieces.slice(0, pieces.findIndex((piece) => piece.equals(STAR)));
    expect(Buffer.concat(upToMask).toString()).toBe('before ');
  });

  it('does not let an endless chain of overlaps grow what it holds back', () => {
    const scanner = new IncrementalMasker(tableOf([Buffer.from('aa')]), STAR);
    const written: Buffer[] = [...scanner.push(Buffer.from('x'))];
    for (let i = 0; i < 1000; i++) written.push(...scanner.push(Buffer.from('a')));
    expect(Buffer.concat(written).toString()).toBe('x****');
    written.push(...scanner.push(Buffer.from('y')), ...scanner.end());
    expect(Buffer.concat(written).toString()).toBe('x****y');
  });

  it('never ends an emitted piece inside a UTF-8 character', () => {
    const text = Buffer.from('héllo wörld ✓ 😀 ß', 'utf8');
    const cuts = Array.from({ length: text.length }, (_, i) => i);
    const { output, pieces } = maskInChunks([Buffer.from('zzz')], text, cuts);
    expect(output.equals(text)).toBe(true);
    for (const piece of pieces) expect(Buffer.from(piece.toString('utf8'), 'utf8').equals(piece)).toBe(true);
  });

  it('masks a long pattern whole across chunks', () => {
    const long = Buffer.from('-----BEGIN KEY-----\n' + 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo'.repeat(600) + '\n-----END KEY-----');
    const scanner = new IncrementalMasker(tableOf([long, Buffer.from('short-one')]), STAR);
    const text = Buffer.concat([Buffer.from('key: '), long, Buffer.from(' and short-one.')]);
    const out = Buffer.concat([...scanner.push(text.subarray(0, 5000)), ...scanner.push(text.subarray(5000)), ...scanner.end()]);
    expect(out.toString()).toBe('key: **** and ****.');
  });

  it('masks whole-word patterns only between non-word bytes, whatever the chunking', () => {
    const text = Buffer.from('pin=4711 14711 4711x (4711) 4711');
    const cuts = Array.from({ length: text.length }, (_, i) => i);
    expect(maskInChunks([], text, [], [Buffer.from('4711')]).output.toString()).toBe('pin=**** 14711 4711x (****) ****');
    expect(maskInChunks([], text, cuts, [Buffer.from('4711')]).output.toString()).toBe('pin=**** 14711 4711x (****) ****');
  });

  it('masks through the automaton\'s sparse deep states too (more states than get a dense row)', () => {
    let seed = 7;
    const byte = () => 97 + ((seed = (seed * 1103515245 + 12345) >>> 0) % 26);
    // 700 patterns of 40 bytes: about 28,000 states, beyond the 16,384 with a dense row.
    const patterns = Array.from({ length: 700 }, () => Buffer.from(Array.from({ length: 40 }, byte)));
    expect(tableOf(patterns).automaton.stateCount).toBeGreaterThan(tableOf(patterns).automaton.denseStates);
    const text = Buffer.concat(patterns.slice(0, 50).flatMap((p, i) => [Buffer.from(` ${i} `), p.subarray(0, 20 + (i % 20)), Buffer.from('|'), p]));
    const cuts = Array.from({ length: 40 }, (_, i) => i * 97);
    expect(maskInChunks(patterns, text, cuts).output.toString()).toBe(referenceMask(text, patterns).toString());
  });

  it('passes text through untouched when there are no patterns', () => {
    const text = Buffer.from('nothing to hide');
    expect(maskInChunks([], text, [3, 7]).output.equals(text)).toBe(true);
  });

  it('for any chunking, with whole-word patterns or not, equals the reference masking of the whole text', () => {
    fc.assert(
      fc.property(
        fc.array(bytesOver('abc', 1, 6), { minLength: 1, maxLength: 6 }),
        fc.array(bytesOver('ab-', 1, 4), { maxLength: 3 }),
        bytesOver('abcd -', 0, 80),
        fc.array(fc.nat({ max: 80 }), { maxLength: 20 }),
        (patterns, words, text, rawCuts) => {
          const cuts = rawCuts.map((cut) => cut % (text.length + 1));
          const anywhere = new Set(patterns.map((p) => p.toString('latin1')));
          const wordOnly = words.filter((w) => !anywhere.has(w.toString('latin1')));
          const expected = referenceMask(text, patterns, undefined, wordOnly);
          expect(maskInChunks(patterns, text, cuts, wordOnly).output.toString()).toBe(expected.toString());
        },
      ),
      { numRuns: 2000 },
    );
  });
});
