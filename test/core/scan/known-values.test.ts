import { describe, expect, it } from 'vitest';
import { isSearchableValue, knownValuePatterns } from '../../../src/core/scan/known-values.js';
import { createScanner } from '../../../src/core/scan/scanner.js';
import { ALNUM, fake, reseed } from './synthetic.js';

reseed(99);
const password = `${fake(ALNUM, 10)}/+&"é ${fake(ALNUM, 4)}`;
const known = [{ name: 'DB_PASSWORD', file: '.env', value: password }];
const scanner = createScanner({ knownValues: known, generic: false });
const scan = (text: string) => scanner.scan({ file: 'deploy/values.yaml', text });

describe('known values', () => {
  const encodings: Record<string, string> = {
    raw: password,
    base64: Buffer.from(password).toString('base64'),
    'base64 inside a larger blob': Buffer.from(`DB_PASSWORD=${password}\nOTHER=1`).toString('base64'),
    base64url: Buffer.from(password).toString('base64url'),
    'url-encoded': encodeURIComponent(password),
    'json-escaped': JSON.stringify(password).slice(1, -1),
  };
  for (const [encoding, text] of Object.entries(encodings)) {
    it(`finds the value ${encoding} and reports it by name only`, () => {
      const findings = scan(`key: ${text}\n`);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ ruleId: 'known-value', line: 1, preview: 'DB_PASSWORD from .env' });
      expect(JSON.stringify(findings)).not.toContain(password);
      expect(JSON.stringify(findings)).not.toContain(text);
    });
  }

  it('reports the exact line and column', () => {
    const [finding] = scan(`a: 1\nb: x${password}\n`);
    expect(finding).toMatchObject({ line: 2, column: 5 });
  });

  it('skips values too short or too common to be secrets', () => {
    for (const value of ['true', 'localhost', '5432', '8080', '127.0.0.1', 'production', 'changeme', '${DB_PASS}', 'abc', 'https://api.internal/v1']) {
      expect(isSearchableValue('DB_PASSWORD', value), value).toBe(false);
    }
    expect(isSearchableValue('APP_NAME', 'my-service')).toBe(false);
    expect(isSearchableValue('DB_PASSWORD', 'hunter22')).toBe(true);
    expect(isSearchableValue('SIGNING_SALT', fake(ALNUM, 16))).toBe(true);
    expect(knownValuePatterns([{ name: 'PORT', file: '.env', value: '3000' }])).toEqual([]);
  });
});
