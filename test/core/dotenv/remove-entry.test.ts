import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../../src/core/dotenv/parse.js';
import { removeEntry } from '../../../src/core/dotenv/remove-entry.js';
import { serializeDotenv } from '../../../src/core/dotenv/serialize.js';

const removed = (text: string, name: string) => {
  const result = removeEntry(parseDotenv(text), name);
  return { text: serializeDotenv(result.doc), removed: result.removed };
};

describe('removeEntry', () => {
  it('removes every entry of the name and nothing else', () => {
    expect(removed('# db\nA=1\nB="x\ny"\r\nA=2 # again\nC=3\n', 'A')).toEqual({ text: '# db\nB="x\ny"\r\nC=3\n', removed: 2 });
  });

  it('keeps a file that ended without a newline ending without one', () => {
    expect(removed('A=1\nB=2', 'B')).toEqual({ text: 'A=1', removed: 1 });
    expect(removed('A=1\nB=2\n', 'B')).toEqual({ text: 'A=1\n', removed: 1 });
  });

  it('returns the same document when the name is absent', () => {
    const doc = parseDotenv('A=1\n');
    expect(removeEntry(doc, 'Z')).toEqual({ doc, removed: 0 });
  });

  it('renumbers the lines that remain', () => {
    const { doc } = removeEntry(parseDotenv('A=1\nB=2\nC=3\n'), 'A');
    expect(doc.nodes.map((node) => node.line)).toEqual([1, 2]);
  });
});
