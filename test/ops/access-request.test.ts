import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/ops/access/request.js';
import { printable } from '../../src/core/text/printable.js';

describe('the printed grant line can be pasted into a shell as is', () => {
  it.each([
    ['age1abc', 'age1abc'],
    ['Bob <bob@example.com>', '"Bob <bob@example.com>"'],
    ['ssh-ed25519 AAAAC3Nz', '"ssh-ed25519 AAAAC3Nz"'],
    ['$(rm -rf ~) `x`', "'$(rm -rf ~) `x`'"],
    ["O'Brien $HOME", "'O'\\''Brien $HOME'"],
    ['Eve\u001b[2J\nrm', '"Eve[2Jrm"'],
  ])('%j becomes %s', (input, quoted) => {
    expect(shellQuote(input)).toBe(quoted);
  });
});

describe('printable', () => {
  it('drops C0 and C1 controls and bidi overrides, and keeps other text', () => {
    expect(printable('a\u0000b\u001bc\u007fd\u0085e\u202e\u00e9\u{1f600}')).toBe('abcde\u00e9\u{1f600}');
  });
});
