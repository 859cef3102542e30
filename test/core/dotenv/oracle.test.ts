import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { entryValues, parseDotenv } from '../../../src/core/dotenv/index.js';
import { ACCEPTED_CASES } from './oracle-cases.js';

const require = createRequire(import.meta.url);
const dotenv = require('dotenv') as { parse(src: string): Record<string, string> };

/** Our values, minus `__proto__`, which dotenv's plain-object result cannot hold. */
function ourValues(text: string): Record<string, string> {
  const values = Object.fromEntries([...entryValues(parseDotenv(text))].filter(([name]) => name !== '__proto__'));
  return values;
}

describe('values agree with dotenv.parse()', () => {
  it.each(Object.entries(ACCEPTED_CASES))('%s', (_name, text) => {
    expect(ourValues(text)).toEqual({ ...dotenv.parse(text) });
  });

  it('keeps __proto__, which dotenv drops (deliberate difference)', () => {
    expect(entryValues(parseDotenv('__proto__=x\n')).get('__proto__')).toBe('x');
    expect(Object.keys(dotenv.parse('__proto__=x\n'))).toEqual([]);
  });
});
