import { describe, expect, it } from 'vitest';
import { createScanner } from '../../../src/core/scan/scanner.js';
import { buildCorpus, notSecretExamples, type CorpusExample } from '../../fixtures/scan-corpus/build.js';
import { reseed } from './synthetic.js';

/**
 * Recall and false alarms on the corpus in test/fixtures/scan-corpus: per family, how many true
 * examples are found at all, how many through their provider's own rule, and how many false
 * examples alarm. `ENVGUARD_RECALL_REPORT=1` (or `node bench/scan-recall.mjs`) prints the table.
 */

interface Tally {
  trueExamples: number;
  found: number;
  own: number;
  /** Placeholders (filler after a real prefix) and hand-written non-secrets: any finding is an alarm. */
  falseExamples: number;
  falseAlarms: number;
  /** Near misses (one character short, wrong checksum): an alarm only when the provider's own rule fires. */
  nearMisses: number;
  nearMissAlarms: number;
}

const empty = (): Tally => ({ trueExamples: 0, found: 0, own: 0, falseExamples: 0, falseAlarms: 0, nearMisses: 0, nearMissAlarms: 0 });
const pct = (part: number, whole: number) => (whole === 0 ? '   -  ' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`);

function measure(examples: readonly CorpusExample[]) {
  const scanner = createScanner();
  const families = new Map<string, Tally>();
  const syntaxes = new Map<string, Tally>();
  const missed: string[] = [];
  const alarms: string[] = [];
  for (const example of examples) {
    const findings = scanner.scan({ file: example.file, text: example.text });
    for (const tally of [families, syntaxes].map((map, i) => {
      const key = i === 0 ? example.family : example.syntax;
      if (!map.has(key)) map.set(key, empty());
      return map.get(key) as Tally;
    })) {
      const own = findings.some((f) => f.ruleId === example.ruleId);
      if (example.kind === 'secret') {
        tally.trueExamples++;
        if (findings.length > 0) tally.found++;
        if (own) tally.own++;
      } else if (example.kind === 'near-miss') {
        tally.nearMisses++;
        if (own) tally.nearMissAlarms++;
      } else {
        tally.falseExamples++;
        if (findings.length > 0) tally.falseAlarms++;
      }
    }
    const own = findings.some((f) => f.ruleId === example.ruleId);
    if (example.kind === 'secret' && !own) missed.push(`${example.ruleId} in ${example.syntax}${findings.length > 0 ? ` (found as ${findings[0]?.ruleId})` : ''}`);
    if ((example.kind === 'not-secret' && findings.length > 0) || (example.kind === 'near-miss' && own)) {
      alarms.push(`${example.family}/${example.ruleId || example.text.slice(0, 60)} ${example.kind} in ${example.syntax}: ${findings.map((f) => f.ruleId).join(',')}`);
    }
  }
  return { families, syntaxes, missed, alarms };
}

function table(title: string, rows: Map<string, Tally>): string {
  const total = empty();
  for (const t of rows.values()) for (const key of Object.keys(total) as Array<keyof Tally>) total[key] += t[key];
  const line = (name: string, t: Tally) =>
    `${name.padEnd(16)} ${String(t.trueExamples).padStart(5)} ${pct(t.found, t.trueExamples)} ${pct(t.own, t.trueExamples)}   ${String(t.falseExamples).padStart(5)} ${String(t.falseAlarms).padStart(4)} ${pct(t.falseAlarms, t.falseExamples)}   ${String(t.nearMisses).padStart(5)} ${String(t.nearMissAlarms).padStart(4)}`;
  return [`${title.padEnd(16)}  true  recall  own-rule  placeholders/non-secrets  near misses (own rule fired)`, ...[...rows].sort(([a], [b]) => a.localeCompare(b)).map(([name, t]) => line(name, t)), line('TOTAL', total)].join('\n');
}

describe('recall and false alarms on the scan corpus', () => {
  reseed(20261201);
  const result = measure([...buildCorpus(), ...notSecretExamples()]);
  const total = (key: keyof Tally) => [...result.families.values()].reduce((sum, t) => sum + t[key], 0);

  if (process.env.ENVGUARD_RECALL_REPORT === '1') {
    console.log(`<<recall-report\n${table('family', result.families)}\n\n${table('syntax', result.syntaxes)}\n\nmissed by their own rule:\n  ${result.missed.join('\n  ')}\n\nfalse alarms:\n  ${result.alarms.join('\n  ')}\nrecall-report>>`);
  }

  it('covers every family in every syntax, with false examples beside the true ones', () => {
    expect(result.families.size).toBeGreaterThanOrEqual(11);
    expect(result.syntaxes.size).toBeGreaterThanOrEqual(10);
    expect(total('trueExamples')).toBeGreaterThan(1500);
    expect(total('falseExamples')).toBeGreaterThan(2000);
  });

  it('finds nearly every true example, nearly always through its own provider rule', () => {
    expect(total('found') / total('trueExamples')).toBeGreaterThanOrEqual(0.98);
    expect(total('own') / total('trueExamples')).toBeGreaterThanOrEqual(0.95);
  });

  it('raises almost no false alarms, and none on the hand-written not-a-secret lines', () => {
    expect(total('falseAlarms') / total('falseExamples')).toBeLessThanOrEqual(0.01);
    expect(total('nearMissAlarms')).toBe(0);
    expect(result.alarms.filter((alarm) => alarm.startsWith('not-secrets/'))).toEqual([]);
  });
});
