import { beforeEach, describe, expect, it } from 'vitest';
import { createScanner } from '../../../src/core/scan/scanner.js';
import { providerRules } from '../../../src/core/scan/rules/index.js';
import { ruleCases } from './rule-cases.js';
import { reseed } from './synthetic.js';

const scanner = createScanner({ generic: false });
const ruleIdsIn = (text: string) => scanner.scan({ file: 'src/settings.ts', text }).map((finding) => finding.ruleId);

describe('provider rules', () => {
  beforeEach(() => reseed(0xc0ffee));

  it('has at least 40 provider formats with unique ids, keywords and a test case each', () => {
    expect(providerRules.length).toBeGreaterThanOrEqual(40);
    const ids = providerRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of providerRules) {
      expect(rule.keywords.length, rule.id).toBeGreaterThan(0);
      expect(ruleCases[rule.id], `no test case for ${rule.id}`).toBeDefined();
    }
  });

  for (const rule of providerRules) {
    describe(rule.id, () => {
      it('catches a synthetic example', () => {
        const text = ruleCases[rule.id]?.hit() ?? '';
        expect(ruleIdsIn(text)).toContain(rule.id);
      });
      it('ignores a near miss', () => {
        const text = ruleCases[rule.id]?.miss() ?? '';
        expect(ruleIdsIn(text)).not.toContain(rule.id);
      });
    });
  }
});
