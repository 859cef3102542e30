import { describe, expect, it } from 'vitest';
import { entryValues, parseDotenv, serializeDotenv } from '../../../src/core/dotenv/index.js';
import type { EnvEntry } from '../../../src/core/dotenv/index.js';
import { ACCEPTED_CASES } from './oracle-cases.js';

function entries(text: string): EnvEntry[] {
  return parseDotenv(text).nodes.filter((node): node is EnvEntry => node.kind === 'entry');
}

describe('parseDotenv: lossless model', () => {
  it.each(Object.entries(ACCEPTED_CASES))('round-trips byte for byte: %s', (_name, text) => {
    expect(serializeDotenv(parseDotenv(text))).toBe(text);
  });

  it('keeps each node\'s source without its terminator and records the terminator', () => {
    const doc = parseDotenv('# c\r\nA=1\n\nB="x\r\ny" # z\r\nC=3');
    expect(doc.nodes.map((node) => [node.kind, node.source, node.newline, node.line])).toEqual([
      ['comment', '# c', '\r\n', 1],
      ['entry', 'A=1', '\n', 2],
      ['blank', '', '\n', 3],
      ['entry', 'B="x\r\ny" # z', '\r\n', 4],
      ['entry', 'C=3', '', 6],
    ]);
  });

  it('keeps the byte order mark as a document flag, out of the nodes', () => {
    const doc = parseDotenv('\ufeffA=1\n');
    expect(doc.bom).toBe(true);
    expect(doc.nodes[0]?.source).toBe('A=1');
    expect(parseDotenv('A=1').bom).toBe(false);
  });

  it('reads names and values as dotenv does', () => {
    const doc = parseDotenv('export A = "x\\ny" # c\nB: two\nC=a#b\nD=\'${X} $(y)\'\nexport=1\n');
    expect([...entryValues(doc)]).toEqual([
      ['A', 'x\ny'],
      ['B', 'two'],
      ['C', 'a'],
      ['D', '${X} $(y)'],
      ['export', '1'],
    ]);
  });

  it('keeps every duplicate in the text and lets the last win in the values', () => {
    const text = 'A=1\nA=2\nB=0\nA=3\n';
    expect(entries(text).map((entry) => entry.source)).toEqual(['A=1', 'A=2', 'B=0', 'A=3']);
    expect(entryValues(parseDotenv(text)).get('A')).toBe('3');
  });

  it('makes a multi-line value one entry spanning its lines, starting where it starts', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----';
    const [key, next] = entries(`KEY="${pem.replace(/\n/g, '\r\n')}"\r\nNEXT=1\n`);
    expect(key).toMatchObject({ name: 'KEY', value: pem, line: 1, newline: '\r\n' });
    expect(next).toMatchObject({ name: 'NEXT', line: 4 });
  });

  it('numbers lines after a lone carriage return inside quotes as editors do', () => {
    expect(entries('A="x\ry"\nB=1\n')[1]?.line).toBe(3);
  });

  it('never expands variables or commands', () => {
    expect(entryValues(parseDotenv('A=$(touch /tmp/envguard-pwned)\nB="${A}"\n'))).toEqual(
      new Map([['A', '$(touch /tmp/envguard-pwned)'], ['B', '${A}']]),
    );
  });
});
