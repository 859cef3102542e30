import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEnvguardError } from '../../../src/errors.js';
import { entryValues, parseDotenv, serializeDotenv } from '../../../src/core/dotenv/index.js';
import { envText, nastyText } from '../../helpers/dotenv-arbitrary.js';

const require = createRequire(import.meta.url);
const dotenv = require('dotenv') as { parse(src: string): Record<string, string> };

function ourValues(text: string): Record<string, string> {
  return Object.fromEntries([...entryValues(parseDotenv(text))].filter(([name]) => name !== '__proto__'));
}

describe('generated documents', () => {
  it('serialise back to the same bytes', () => {
    fc.assert(
      fc.property(envText(), (text) => {
        expect(serializeDotenv(parseDotenv(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('give the values dotenv.parse() gives', () => {
    fc.assert(
      fc.property(envText(), (text) => {
        expect(ourValues(text)).toEqual({ ...dotenv.parse(text) });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('arbitrary text', () => {
  it('is either refused with a line-numbered PARSE_ERROR, or round-trips and agrees with dotenv', () => {
    let accepted = 0;
    fc.assert(
      fc.property(nastyText(), (text) => {
        let doc;
        try {
          doc = parseDotenv(text);
        } catch (error) {
          expect(isEnvguardError(error, 'PARSE_ERROR')).toBe(true);
          expect((error as Error).message).toMatch(/^\.env:\d+: expected .+, found .+$/);
          return;
        }
        accepted += 1;
        expect(serializeDotenv(doc)).toBe(text);
        expect(ourValues(text)).toEqual({ ...dotenv.parse(text) });
      }),
      { numRuns: 5000 },
    );
    // The property says nothing if almost everything is refused.
    expect(accepted).toBeGreaterThan(500);
  });
});
