import { describe, expect, it } from 'vitest';
import { inlineAllow, legacyFingerprint, parseIgnoreFile, secretFingerprint, upgradeIgnoreText } from '../../../src/core/scan/allow-list.js';
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

describe('keyed .envguardignore fingerprints', () => {
  it('keys the fingerprint with the project salt: another project, or a bare sha256, gives another value', () => {
    const mine = secretFingerprint(token, 'project-a');
    expect(mine).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(secretFingerprint(token, 'project-a')).toBe(mine);
    expect(secretFingerprint(token, 'project-b')).not.toBe(mine);
    expect(mine.slice('hmac-sha256:'.length)).not.toBe(legacyFingerprint(token).slice('sha256:'.length));
    // A short secret's fingerprint cannot be found by hashing guesses without the salt.
    expect(secretFingerprint('hunter2', 'project-a')).not.toBe(legacyFingerprint('hunter2').replace('sha256:', 'hmac-sha256:'));
  });

  it('reads old bare sha256 entries, counts them and records their keyed replacement when one matches', () => {
    const ignore = parseIgnoreFile(`${legacyFingerprint(token)} stripe-secret-key\n${legacyFingerprint('gone')} jwt\n`);
    expect(ignore.legacyEntries).toBe(2);
    const scanner = createScanner({ ignore, fingerprintSalt: 'project-a' });
    expect(scanner.scan({ file: 'src/a.ts', text: `k = "${token}"` })).toEqual([]);
    expect([...ignore.upgrades.values()]).toEqual([`${secretFingerprint(token, 'project-a')} stripe-secret-key`]);
  });

  it('rewrites upgradable entries in place, keeping comments, order and entries it cannot upgrade', () => {
    const old = legacyFingerprint(token);
    const text = `# accepted\n${old} stripe-secret-key  # docs\n${legacyFingerprint('gone')} jwt\n`;
    const upgrades = new Map([[`${old} stripe-secret-key`, `${secretFingerprint(token, 's')} stripe-secret-key`]]);
    const result = upgradeIgnoreText(text, upgrades);
    expect(result.upgraded).toBe(1);
    expect(result.text).toBe(`# accepted\n${secretFingerprint(token, 's')} stripe-secret-key  # docs\n${legacyFingerprint('gone')} jwt\n`);
    const reparsed = parseIgnoreFile(result.text);
    expect(reparsed.has(secretFingerprint(token, 's'), 'stripe-secret-key')).toBe(true);
    expect(reparsed.legacyEntries).toBe(1);
  });
});
