import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEnvguardError } from '../../../src/errors.js';
import { entryValues, parseDotenv, parseSingleEntry, serializeDotenv, setEntryValue, setEntryValues } from '../../../src/core/dotenv/index.js';
import type { EnvEntry } from '../../../src/core/dotenv/index.js';
import { envName, envText } from '../../helpers/dotenv-arbitrary.js';

const require = createRequire(import.meta.url);
const dotenv = require('dotenv') as { parse(src: string): Record<string, string> };

function entriesOf(text: string): EnvEntry[] {
  return parseDotenv(text).nodes.filter((node): node is EnvEntry => node.kind === 'entry');
}

function errorOf(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (isEnvguardError(error)) return error;
  }
  throw new Error('expected an EnvguardError');
}

describe('parseSingleEntry', () => {
  it('accepts the source of every entry of any document, with the same name and value', () => {
    fc.assert(
      fc.property(envText(), (text) => {
        for (const entry of entriesOf(text)) {
          expect(parseSingleEntry(entry.source, '.env.encrypted', entry.line, entry.name)).toEqual({ ...entry, newline: '' });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['two entries', 'A=1\nB=2', /expected exactly one variable entry, found more than one/],
    ['an entry and a line ending', 'A=1\n', /expected exactly one variable entry, found more text after it/],
    ['an entry and a comment', 'A=1\n# c', /found more text after it/],
    ['a comment', '# A=1', /expected one variable entry, found a comment/],
    ['a blank line', '   ', /expected one variable entry, found a blank line/],
    ['nothing', '', /expected one variable entry, found no text/],
    ['a malformed line', 'A', /expected "=" after the variable name/],
  ])('rejects %s', (_name, source, expected) => {
    const error = errorOf(() => parseSingleEntry(source, '.env.encrypted', 7));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toMatch(/^\.env\.encrypted:7: /);
    expect(error.message).toMatch(expected);
  });

  it('rejects an entry under a different name without quoting its value', () => {
    const error = errorOf(() => parseSingleEntry('OTHER="top-secret-value"', '.env.encrypted', 3, 'DB_PASSWORD'));
    expect(error.message).toBe('.env.encrypted:3: expected an entry named DB_PASSWORD, found an entry with a different name');
    expect(error.message).not.toContain('top-secret-value');
  });

  it('numbers errors from the given line', () => {
    expect(() => parseSingleEntry('A=1\nB="x\ny" junk', 'f', 10)).toThrow(/^f:11: expected a closing " followed by the end of the line/);
  });
});

describe('entryValues', () => {
  it('lets the last duplicate win', () => {
    expect(entryValues(parseDotenv('A=1\nB=2\nA=3'))).toEqual(new Map([['A', '3'], ['B', '2']]));
  });
});

describe('setEntryValue', () => {
  it('replaces the winning entry and keeps its prefix, spacing and comment', () => {
    const text = 'A=old\r\n  export B = "old" # keep me\r\nB=dup # last wins\r\nC=3';
    const doc = setEntryValue(parseDotenv(text), 'B', 'new value');
    expect(serializeDotenv(doc)).toBe('A=old\r\n  export B = "old" # keep me\r\nB=new value # last wins\r\nC=3');
    expect(entryValues(doc).get('B')).toBe('new value');
  });

  it('keeps the existing quote style when it can carry the value', () => {
    const doc = setEntryValue(parseDotenv("A='x' # c\n"), 'A', 'y');
    expect(serializeDotenv(doc)).toBe("A='y' # c\n");
  });

  it('quotes what needs quoting', () => {
    const doc = parseDotenv('A=1\n');
    const cases: Array<[string, string]> = [
      ['plain', 'A=plain\n'],
      ['', 'A=\n'],
      [' padded ', "A=' padded '\n"],
      ['has # hash', "A='has # hash'\n"],
      ["it's", "A=it's\n"],
      ["it's # x", 'A="it\'s # x"\n'],
      ['line1\nline2', "A='line1\nline2'\n"],
      ["'\r\n", 'A="\'\\r\\n"\n'],
    ];
    for (const [value, expected] of cases) {
      const text = serializeDotenv(setEntryValue(doc, 'A', value));
      expect(text).toBe(expected);
      expect(dotenv.parse(text).A).toBe(value);
    }
  });

  it('appends a missing entry, keeping a missing final line ending missing', () => {
    expect(serializeDotenv(setEntryValue(parseDotenv('A=1\r\n'), 'B', 'x'))).toBe('A=1\r\nB=x\r\n');
    expect(serializeDotenv(setEntryValue(parseDotenv('A=1'), 'B', 'x'))).toBe('A=1\nB=x');
    expect(serializeDotenv(setEntryValue(parseDotenv('\ufeff'), 'B', 'x'))).toBe('\ufeffB=x\n');
  });

  it('refuses a value no quoting can carry, naming the variable but not the value', () => {
    const value = 'a"b\'c`d\re-secret';
    const error = errorOf(() => setEntryValue(parseDotenv(''), 'TOKEN', value));
    expect(error.code).toBe('FORMAT_INVALID');
    expect(error.message).toContain('TOKEN');
    expect(error.message).not.toContain('secret');
  });

  it('refuses a name that is not a name', () => {
    expect(errorOf(() => setEntryValue(parseDotenv(''), 'BAD NAME', 'x')).code).toBe('USAGE');
  });

  it('round-trips any value and keeps every other node byte-identical', () => {
    const anyValue = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({ unit: fc.constantFrom('a', ' ', '#', '"', "'", '`', '\\', 'n', 'r', '\n', '\r\n', '$', '=', '\u2028'), maxLength: 12 }),
    );
    let refused = 0;
    fc.assert(
      fc.property(envText(), fc.oneof(envName, fc.constant('A')), anyValue, (text, name, value) => {
        const before = parseDotenv(text);
        let after;
        try {
          after = setEntryValue(before, name, value);
        } catch (error) {
          expect(isEnvguardError(error, 'FORMAT_INVALID')).toBe(true);
          // Single quotes carry anything without a quote or carriage return.
          expect(/['\r]/.test(value) || value.endsWith('\\')).toBe(true);
          refused += 1;
          return;
        }
        const values = entryValues(after);
        expect(values.get(name)).toBe(value);
        const expected = new Map(entryValues(before));
        expected.set(name, value);
        expect(values).toEqual(expected);
        const written = serializeDotenv(after);
        expect(serializeDotenv(parseDotenv(written))).toBe(written);
        if (name !== '__proto__') expect(dotenv.parse(written)[name]).toBe(value);
        // Only the target node changed (or one node was appended), and nothing when the value was already there.
        const changed = after.nodes.filter((node, i) => node.source !== before.nodes[i]?.source);
        expect(changed).toHaveLength(entryValues(before).get(name) === value ? 0 : 1);
        expect(after.bom).toBe(before.bom);
      }),
      { numRuns: 1500 },
    );
    expect(refused).toBeLessThan(150);
  });

  it('re-quotes when a neighbour that closes on an escaped quote would swallow the new text', () => {
    // P's value closes on its backslash-escaped quote only because no bare " follows it.
    const doc = parseDotenv('P="x\\"\n');
    expect(entryValues(doc).get('P')).toBe('x\\');
    const text = serializeDotenv(setEntryValue(doc, 'A', 'it"'));
    expect(text).toBe('P="x\\"\nA=\'it"\'\n');
    expect(dotenv.parse(text)).toEqual({ P: 'x\\', A: 'it"' });
  });

  it('is the same as one update after another, with one re-parse', () => {
    const update = fc.tuple(fc.oneof(envName, fc.constant('A')), fc.string({ unit: fc.constantFrom('a', ' ', '#', '"', "'", '\\', '\n', '$'), maxLength: 8 }));
    fc.assert(
      fc.property(envText(), fc.array(update, { maxLength: 5 }), (text, updates) => {
        const before = parseDotenv(text);
        const expected = new Map(entryValues(before));
        for (const [name, value] of updates) expected.set(name, value);
        let oneByOne;
        try {
          oneByOne = updates.reduce((doc, [name, value]) => setEntryValue(doc, name, value), before);
        } catch (error) {
          // e.g. a value closed on an escaped quote (`"'\\"`) followed by one holding `"#`: no quoting
          // works. The batch only has to write the final values, so it may still succeed.
          expect(isEnvguardError(error, 'FORMAT_INVALID')).toBe(true);
          try {
            expect(entryValues(setEntryValues(before, updates))).toEqual(expected);
          } catch (batchError) {
            expect(isEnvguardError(batchError, 'FORMAT_INVALID')).toBe(true);
          }
          return;
        }
        const after = setEntryValues(before, updates);
        expect(entryValues(after)).toEqual(expected);
        expect(entryValues(after)).toEqual(entryValues(oneByOne));
        const written = serializeDotenv(after);
        expect(parseDotenv(written)).toEqual(after);
      }),
      { numRuns: 500 },
    );
  });
});
