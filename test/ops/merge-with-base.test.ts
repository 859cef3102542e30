import { describe, expect, it } from 'vitest';
import { mergeWithBase } from '../../src/ops/support/merge-with-base.js';

const names = { envFile: '.env', incomingName: '.env.encrypted' };

/** The three-way merge the checkout hooks and pre-commit share, on its own. */
describe('mergeWithBase', () => {
  it('with nothing incoming hands back the local text itself, even one that does not parse', () => {
    expect(mergeWithBase('A=1\n', 'A=2\nB="unterminated\n', 'A=1\n', names)).toEqual({ kind: 'merged', text: 'A=2\nB="unterminated\n', keptLocal: [] });
  });

  it('merges per variable, names the variables kept from the local side, and reports conflicts', () => {
    expect(mergeWithBase('A=1\nB=1\n', 'A=2\nB=1\n', 'A=1\nB=3\n', names)).toEqual({ kind: 'merged', text: 'A=2\nB=3\n', keptLocal: ['A'] });
    expect(mergeWithBase('A=1\nB=1\n', 'A=2\nB=2\n', 'A=3\nB=3\n', names)).toEqual({ kind: 'conflict', conflicts: ['A', 'B'] });
  });

  it('a side that does not parse is unmergeable, with the parse error naming the side', () => {
    const local = mergeWithBase('A=1\n', 'A="unterminated\n', 'A=2\n', names);
    expect(local).toMatchObject({ kind: 'unmergeable', error: { code: 'PARSE_ERROR', message: expect.stringMatching(/^\.env:1: /) } });
    const incoming = mergeWithBase('A=1\n', 'A=2\n', 'A="unterminated\n', names);
    expect(incoming).toMatchObject({ kind: 'unmergeable', error: { code: 'PARSE_ERROR', message: expect.stringMatching(/^\.env\.encrypted:1: /) } });
  });
});
