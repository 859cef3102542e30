import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/core/dotenv/parse.js';
import { serializeDotenv } from '../../src/core/dotenv/serialize.js';
import { STRUCTURE_CONFLICT, mergeEnvDocuments } from '../../src/core/merge-env.js';

const doc = (text: string) => parseDotenv(text);
const merge = (base: string | undefined, local: string, incoming: string) => {
  const result = mergeEnvDocuments(base === undefined ? undefined : doc(base), doc(local), doc(incoming));
  return { text: serializeDotenv(result.doc), conflicts: result.conflicts, keptLocal: result.keptLocal };
};

describe('mergeEnvDocuments: three-way merge per variable', () => {
  it('takes the incoming side for variables only it changed, and applies local-only changes on top', () => {
    const result = merge('A=1\nB=2\nC=3\n', 'A=1\nB=2\nC=local\n', 'A=in\nB=2\nC=3\n');
    expect(result).toEqual({ text: 'A=in\nB=2\nC=local\n', conflicts: [], keptLocal: ['C'] });
  });

  it('reports a variable both sides changed differently as a conflict, by name only, keeping the incoming text', () => {
    const result = merge('A=1\nB=2\n', 'A=mine\nB=2\n', 'A=theirs\nB=2\n');
    expect(result.conflicts).toEqual(['A']);
    expect(result.text).toBe('A=theirs\nB=2\n');
  });

  it('the same change on both sides is no conflict', () => {
    expect(merge('A=1\n', 'A=2\n', 'A=2\n')).toEqual({ text: 'A=2\n', conflicts: [], keptLocal: [] });
  });

  it('keeps a local addition, a local deletion and an incoming deletion', () => {
    expect(merge('A=1\nB=2\n', 'A=1\nB=2\nNEW=x\n', 'A=1\nB=2\n').text).toBe('A=1\nB=2\nNEW=x\n');
    expect(merge('A=1\nB=2\n', 'A=1\n', 'A=1\nB=2\n').text).toBe('A=1\n');
    expect(merge('A=1\nB=2\n', 'A=1\nB=2\n', 'A=1\n').text).toBe('A=1\n');
  });

  it('a deletion on one side against a change on the other is a conflict', () => {
    expect(merge('A=1\nB=2\n', 'A=1\n', 'A=1\nB=changed\n').conflicts).toEqual(['B']);
  });

  it('keeps the incoming comments and order, and terminates a last line that had no newline', () => {
    const result = merge('# team\nA=1\nB=2', '# team\nA=1\nB=2\nMINE=1\n', '# team, updated\nB=2\nA=1');
    expect(result.text).toBe('# team, updated\nB=2\nA=1\nMINE=1\n');
  });

  // Local edits to comments, blank lines and order were dropped while the hook said it kept them.
  it('keeps local edits to comments and blank lines, with incoming variable changes applied', () => {
    const result = merge('# db\nA=1\nB=2\n', '# db (primary, see runbook)\nA=1\n\nB=2\nMINE=x\n', '# db\nA=1\nB=3\n');
    expect(result).toEqual({ text: '# db (primary, see runbook)\nA=1\n\nB=3\nMINE=x\n', conflicts: [], keptLocal: ['MINE'] });
  });

  it('keeps a local reordering', () => {
    const result = merge('A=1\nB=2\nC=3\n', 'C=3\nA=1\nB=2\n', 'A=1\nB=changed\nC=3\n');
    expect(result.text).toBe('C=3\nA=1\nB=changed\n');
    expect(result.conflicts).toEqual([]);
  });

  it('reports both sides reshaping the file as a conflict instead of dropping one', () => {
    const result = merge('# one\nA=1\n', '# mine\nA=1\n', '# theirs\nA=1\n');
    expect(result.conflicts).toEqual([STRUCTURE_CONFLICT]);
  });

  it('a conflicting variable reads as incoming on the local skeleton too', () => {
    const result = merge('# x\nA=1\n', '# y\nA=mine\n', '# x\nA=theirs\n');
    expect(result).toMatchObject({ text: '# y\nA=theirs\n', conflicts: ['A'] });
  });

  it('without a base, only variables that differ on both sides are conflicts; local-only ones are kept', () => {
    const result = merge(undefined, 'A=1\nB=mine\nL=1\n', 'A=1\nB=theirs\n');
    expect(result.conflicts).toEqual(['B']);
  });

  it('keeps quoting, export prefixes and multi-line values byte for byte', () => {
    const local = 'export A="x y" # note\nB=\'multi\nline\'\n';
    expect(merge(local, local, local).text).toBe(local);
    const incoming = 'export A="x y" # note\nB=\'multi\nline\'\nC=`z`\n';
    expect(merge(local, local, incoming).text).toBe(incoming);
  });

  it('numbers the merged lines from 1, counting every line of a multi-line value', () => {
    const result = mergeEnvDocuments(doc('A=1\nB=2\n'), doc('A="x\ny"\nB=2\n'), doc('# top\nA=1\nB=3\n'));
    expect(result.doc.nodes.map((node) => node.line)).toEqual([1, 2, 4]);
  });

  it('merges a variable written twice as one unit, placed where it first appears', () => {
    expect(merge('A=1\nB=2\nA=3\n', 'A=1\nB=2\nA=local\n', 'X=0\nA=1\nB=in\nA=3\n')).toEqual({ text: 'X=0\nA=1\nA=local\nB=in\n', conflicts: [], keptLocal: ['A'] });
  });

  it('applies a local change in place on a skeleton the other side reworded', () => {
    expect(merge('A=1\n# c\nB=2\nC=3\n', 'A=1\n# c\nB=local\nC=3\n', 'A=1\n# reworded\nB=2\nC=3\n').text).toBe('A=1\n# reworded\nB=local\nC=3\n');
  });

  it('an incoming addition does not count as reshaping, so a local comment edit is kept with it', () => {
    expect(merge('A=1\n# c\nB=2\n', 'A=1\n# mine\nB=2\n', 'A=1\n# c\nB=2\nC=3\n')).toEqual({ text: 'A=1\n# mine\nB=2\nC=3\n', conflicts: [], keptLocal: [] });
  });

  it('lists conflicts and kept variables sorted, and on the local skeleton too', () => {
    const result = merge('# c\nZ=1\nA=1\nY=1\nB=1\n', '# mine\nZ=2\nA=2\nY=2\nB=2\n', '# c\nZ=3\nA=3\nY=1\nB=1\n');
    expect(result).toEqual({ text: '# mine\nZ=3\nA=3\nY=2\nB=2\n', conflicts: ['A', 'Z'], keptLocal: ['B', 'Y'] });
  });

  it('terminates a local addition that was the unterminated last line', () => {
    expect(merge('A=1\n', 'A=1\nNEW=x', 'A=2\n').text).toBe('A=2\nNEW=x\n');
  });

  it('property: when only one side changed anything, the result is that side', () => {
    const value = fc.stringMatching(/^[a-z0-9]{0,6}$/);
    const env = fc.dictionary(fc.stringMatching(/^[A-Z][A-Z0-9_]{0,4}$/), value, { maxKeys: 6 });
    const text = (vars: Record<string, string>) => Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join('');
    fc.assert(
      fc.property(env, env, (base, other) => {
        expect(merge(text(base), text(base), text(other))).toEqual({ text: text(other), conflicts: [], keptLocal: [] });
        const localOnly = merge(text(base), text(other), text(base));
        expect(localOnly.conflicts).toEqual([]);
        expect(parseDotenv(localOnly.text).nodes.filter((n) => n.kind === 'entry').map((n) => n.source).sort()).toEqual(
          parseDotenv(text(other)).nodes.filter((n) => n.kind === 'entry').map((n) => n.source).sort(),
        );
      }),
    );
  });
});
