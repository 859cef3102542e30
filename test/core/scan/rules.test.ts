import { beforeEach, describe, expect, it } from 'vitest';
import { createScanner } from '../../../src/core/scan/scanner.js';
import { providerRules } from '../../../src/core/scan/rules/index.js';
import { caseLine, ruleCases } from './rule-cases/index.js';
import { reseed } from './synthetic.js';

const scanner = createScanner({ generic: false });
const scan = (text: string) => scanner.scan({ file: 'config/settings.env', text });
const ruleIdsIn = (text: string) => scan(text).map((finding) => finding.ruleId);

/** The hit with the last `count` characters of its secret replaced by `filler`. */
function withFiller(text: string, ruleId: string, filler: (length: number) => string): string {
  const finding = scan(text).find((f) => f.ruleId === ruleId);
  if (!finding) return text;
  const lines = text.split('\n');
  const line = lines[finding.line - 1] as string;
  const start = finding.column - 1;
  const end = start + finding.length;
  const keep = Math.max(start, end - Math.max(8, Math.floor(finding.length / 2)));
  lines[finding.line - 1] = line.slice(0, keep) + filler(end - keep) + line.slice(end);
  return lines.join('\n');
}

describe('provider rules', () => {
  beforeEach(() => reseed(0xc0ffee));

  it('has at least 200 provider formats with unique ids, keywords and a test case each', () => {
    expect(providerRules.length).toBeGreaterThanOrEqual(200);
    const ids = providerRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of providerRules) {
      expect(rule.keywords.length, rule.id).toBeGreaterThan(0);
      for (const keyword of rule.keywords) expect(keyword.length, `${rule.id} keyword`).toBeGreaterThanOrEqual(2);
      expect(ruleCases[rule.id], `no test case for ${rule.id}`).toBeDefined();
    }
    expect(Object.keys(ruleCases).filter((id) => !ids.includes(id))).toEqual([]);
  });

  for (const rule of providerRules) {
    describe(rule.id, () => {
      it('catches a synthetic example', () => {
        expect(ruleIdsIn(caseLine(ruleCases[rule.id]!, 'hit'))).toContain(rule.id);
      });
      it('ignores a near miss', () => {
        expect(ruleIdsIn(caseLine(ruleCases[rule.id]!, 'miss'))).not.toContain(rule.id);
      });
      it('ignores the example with its random part replaced by filler (xxxx, 1111, 0000, abab)', () => {
        const hit = caseLine(ruleCases[rule.id]!, 'hit');
        for (const filler of [(n: number) => 'x'.repeat(n), (n: number) => '1'.repeat(n), (n: number) => '0'.repeat(n), (n: number) => 'ab'.repeat(n).slice(0, n)]) {
          expect(ruleIdsIn(withFiller(hit, rule.id, filler))).not.toContain(rule.id);
        }
      });
    });
  }
});
