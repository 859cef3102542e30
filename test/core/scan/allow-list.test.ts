import { describe, expect, it } from 'vitest';
import { inlineAllow, parseIgnoreFile, secretFingerprint } from '../../../src/core/scan/allow-list.js';
import { createScanner } from '../../../src/core/scan/scanner.js';
import { ALNUM, fake, join, reseed } from './synthetic.js';

reseed(5);
const token = join('sk', '_live_', fake(ALNUM, 30));

describe('allow-listing', () => {
  it('parses inline allow comments', () => {
    expect(inlineAllow('x = 1 // envguard:allow')).toBe('all');
    expect(inlineAllow('x = 1 # envguard:allow stripe-secret-key, jwt')).toEqual(new Set(['stripe-secret-key', 'jwt']));
    expect(inlineAllow('x = 1')).toBeUndefined();
  });

  it('drops a finding allowed inline, for all rules or for its own rule only', () => {
    const scanner = createScanner();
    expect(scanner.scan({ file: 'a.env', text: `KEY=${token} # envguard:allow` })).toEqual([]);
    expect(scanner.scan({ file: 'a.env', text: `KEY=${token} # envguard:allow stripe-secret-key` })).toEqual([]);
    expect(scanner.scan({ file: 'a.env', text: `KEY=${token} # envguard:allow jwt` })).toHaveLength(1);
  });

  it('drops a finding whose fingerprint and rule are in .envguardignore', () => {
    const fingerprint = secretFingerprint(token);
    const ignore = parseIgnoreFile(`# accepted: test key\n${fingerprint} stripe-secret-key  # src/a.ts\n\nnot an entry\n`);
    expect(ignore.size).toBe(1);
    expect(ignore.invalidLines).toEqual([4]);
    expect(createScanner({ ignore }).scan({ file: 'src/a.ts', text: `k = "${token}"` })).toEqual([]);
    // Keyed by rule too: the same hash under another rule is not accepted.
    const other = parseIgnoreFile(`${fingerprint} jwt`);
    expect(createScanner({ ignore: other }).scan({ file: 'src/a.ts', text: `k = "${token}"` })).toHaveLength(1);
  });
});
