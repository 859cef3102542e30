import { describe, expect, it } from 'vitest';
import { withManagedBlock } from '../../src/core/managed-block.js';

describe('withManagedBlock', () => {
  const lines = ['.env', '!.env.encrypted'];
  const block = '# >>> envguard\n.env\n!.env.encrypted\n# <<< envguard\n';

  it('appends the block to an empty file and after existing content, separated by a blank line', () => {
    expect(withManagedBlock('', lines)).toBe(block);
    expect(withManagedBlock('node_modules/\n', lines)).toBe(`node_modules/\n\n${block}`);
    expect(withManagedBlock('node_modules/', lines)).toBe(`node_modules/\n\n${block}`);
  });

  it('is idempotent: applying it twice gives the same text', () => {
    for (const text of ['', 'a\n', 'a', `x\n${block}y\n`]) {
      const once = withManagedBlock(text, lines, { atEnd: true });
      expect(withManagedBlock(once, lines, { atEnd: true })).toBe(once);
      const inPlace = withManagedBlock(text, lines);
      expect(withManagedBlock(inPlace, lines)).toBe(inPlace);
    }
  });

  it('replaces the block in place, keeping what surrounds it', () => {
    const text = `before\n# >>> envguard\nold\n# <<< envguard\nafter\n`;
    expect(withManagedBlock(text, lines)).toBe(`before\n${block}after\n`);
  });

  it('with atEnd, moves the block after later lines (later .gitignore patterns win)', () => {
    const text = `before\n# >>> envguard\nold\n# <<< envguard\n.env*\n`;
    expect(withManagedBlock(text, lines, { atEnd: true })).toBe(`before\n.env*\n\n${block}`);
  });

  it('a begin marker without an end is left alone and a fresh block is appended', () => {
    expect(withManagedBlock('# >>> envguard\nstray\n', lines)).toBe(`# >>> envguard\nstray\n\n${block}`);
  });
});
