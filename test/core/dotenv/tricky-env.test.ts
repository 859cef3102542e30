import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { entryValues, parseDotenv, serializeDotenv } from '../../../src/core/dotenv/index.js';
import type { EnvEntry } from '../../../src/core/dotenv/index.js';
import { trickyEnv } from '../../helpers/tricky-env.js';

const require = createRequire(import.meta.url);
const dotenv = require('dotenv') as { parse(src: string): Record<string, string> };

describe('trickyEnv fixture', () => {
  const text = trickyEnv();
  const doc = parseDotenv(text);
  const entries = doc.nodes.filter((node): node is EnvEntry => node.kind === 'entry');

  it('is deterministic and exactly the requested number of lines, with no final terminator', () => {
    expect(trickyEnv()).toBe(text);
    expect(text.split(/\r?\n/)).toHaveLength(200);
    expect(trickyEnv(37).split(/\r?\n/)).toHaveLength(37);
    expect(trickyEnv(1).split(/\r?\n/)).toHaveLength(1);
    expect(text.endsWith('\n')).toBe(false);
  });

  it('round-trips byte for byte, with and without a BOM', () => {
    expect(serializeDotenv(doc)).toBe(text);
    const withBom = trickyEnv(200, { bom: true });
    expect(withBom.startsWith('\ufeff')).toBe(true);
    expect(serializeDotenv(parseDotenv(withBom))).toBe(withBom);
  });

  it('agrees with dotenv on every value', () => {
    expect(Object.fromEntries(entryValues(doc))).toEqual({ ...dotenv.parse(text) });
  });

  it('has every feature it promises', () => {
    expect(text).toContain('\r\n');
    expect(text).toMatch(/[^\r]\n/);
    expect(entries.some((entry) => entry.source.includes('\n') && entry.value.includes('PRIVATE KEY'))).toBe(true);
    expect(entries.some((entry) => entry.source.includes('\r\n'))).toBe(true);
    expect(new Set(entries.map((entry) => entry.name)).size).toBeLessThan(entries.length);
    expect(entries.some((entry) => entry.source.trimStart().startsWith('export '))).toBe(true);
    expect(entries.some((entry) => entry.value === '')).toBe(true);
    expect(entries.some((entry) => entry.value.includes('$(whoami)'))).toBe(true);
    expect(doc.nodes.some((node) => node.kind === 'comment' && node.source.startsWith(' '))).toBe(true);
    expect(doc.nodes.some((node) => node.kind === 'blank' && node.source !== '')).toBe(true);
    expect([...text].some((char) => char.charCodeAt(0) > 0x7f)).toBe(true);
    expect(entries.length).toBeGreaterThan(120);
  });
});
