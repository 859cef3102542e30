import { describe, expect, it } from 'vitest';
import { isFillerToken, isProviderFalseAlarm, isPublishedExample } from '../../../src/core/scan/false-alarm.js';
import { findGenericSecrets } from '../../../src/core/scan/generic-rule.js';
import { createScanner } from '../../../src/core/scan/scanner.js';
import { ALNUM, HEX, fake, join, reseed } from './synthetic.js';

const scanner = createScanner();
const rulesIn = (text: string, file = 'config/app.env') => scanner.scan({ file, text }).map((finding) => finding.ruleId);

describe('false alarms every provider rule rejects', () => {
  reseed(99);

  it('rejects filler after a real prefix: xxxx, 1111, aaaa, ####, repeated units, counting, spelled-out words', () => {
    for (const body of ['x'.repeat(24), '1'.repeat(24), 'a'.repeat(24), 'abcdabcdabcdabcdabcdabcd', '0123456789abcdef01234567', 'your_api_key_here_0000000', 'EXAMPLE7EXAMPLE7EXAMPLE7']) {
      expect(isFillerToken(body), body).toBe(true);
      expect(rulesIn(join('sk', '_live_', body))).toEqual([]);
    }
    expect(rulesIn(join('SG.', '1'.repeat(22), '.', '1'.repeat(43)))).toEqual([]);
    expect(rulesIn(join('xo', 'xb-', '0000000000-0000000000000-', 'x'.repeat(24)))).toEqual([]);
    expect(rulesIn('token: "<token>"')).toEqual([]);
    expect(rulesIn('api_key = "####################"', 'settings.py')).toEqual([]);
    expect(findGenericSecrets('API_KEY=your_api_key_here', '.env')).toEqual([]);
  });

  it('keeps random tokens, including ones that happen to spell a word in mixed case', () => {
    for (let i = 0; i < 200; i++) expect(isFillerToken(fake(ALNUM, 40))).toBe(false);
    for (let i = 0; i < 200; i++) expect(isFillerToken(fake(HEX, 64))).toBe(false);
    expect(isFillerToken('hf8vYOurzxrQpW2mK')).toBe(false);
    expect(rulesIn(join('sk', '_live_', fake(ALNUM, 24)))).toEqual(['stripe-secret-key']);
  });

  it('allow-lists the example keys providers publish, by the hash of their value', () => {
    const awsExampleId = join('AKIA', 'IOSFODNN7', 'EXAMPLE');
    const stripeDocsKey = join('sk_', 'test_', '4eC39HqLyjWDarjtT1zdp7dc');
    expect(isPublishedExample(awsExampleId)).toBe(true);
    expect(isPublishedExample(stripeDocsKey)).toBe(true);
    expect(rulesIn(`STRIPE_KEY=${stripeDocsKey}`)).toEqual([]);
    expect(rulesIn(`aws_access_key_id = ${awsExampleId}`)).toEqual([]);
    // One character off is a different key.
    expect(isPublishedExample(stripeDocsKey.slice(0, -1) + 'd')).toBe(false);
    expect(isProviderFalseAlarm(join('sk_', 'test_', fake(ALNUM, 24)))).toBe(false);
  });
});
