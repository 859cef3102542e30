import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatJson } from '../../../src/core/scan/format-json.js';
import { formatSarif } from '../../../src/core/scan/format-sarif.js';
import { formatText } from '../../../src/core/scan/format-text.js';
import { parseIgnoreFile } from '../../../src/core/scan/allow-list.js';
import { providerRules } from '../../../src/core/scan/rules/index.js';
import { createScanner } from '../../../src/core/scan/scanner.js';
import type { ScanReport } from '../../../src/core/scan/types.js';
import { caseLine, ruleCases } from './rule-cases/index.js';
import { ALNUM, fake, reseed } from './synthetic.js';

/** The official SARIF 2.1.0 schema, as shipped in @microsoft/jest-sarif (a devDependency). */
function sarifValidator() {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  // The schema declares draft-04 but uses no keyword whose meaning changed since; ajv 8 reads it as
  // draft-07. One of its patterns is not valid in unicode mode, hence `unicodeRegExp: false`.
  delete schema.$schema;
  delete schema.id;
  return new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
}

let report: ScanReport;
const secrets: string[] = [];

beforeAll(() => {
  reseed(2024);
  const lines: string[] = [];
  for (const rule of providerRules) {
    const text = caseLine(ruleCases[rule.id]!, 'hit');
    lines.push(text);
    const match = new RegExp(rule.regex.source, rule.regex.flags).exec(text);
    secrets.push((match?.[1] ?? match?.[0]) as string);
  }
  const known = `${fake(ALNUM, 12)}-${fake(ALNUM, 6)}`;
  secrets.push(known);
  lines.push(`password_hint: "${known}"`, `generic_secret = "${fake(ALNUM, 28)}"`);
  const scanner = createScanner({ knownValues: [{ name: 'DB_PASSWORD', file: '.env', value: known }] });
  report = { findings: scanner.scan({ file: 'src/leaky file.ts', text: lines.join('\n') }), filesScanned: 1 };
});

describe('scan output', () => {
  it('reports every planted secret', () => {
    const rules = new Set(report.findings.map((finding) => finding.ruleId));
    for (const rule of providerRules) expect(rules, rule.id).toContain(rule.id);
    expect(rules).toContain('known-value');
  });

  it('shows no character of any secret: previews give the length, or the variable name', () => {
    for (const finding of report.findings) {
      expect(finding.preview).toMatch(finding.kind === 'known-value' ? /^DB_PASSWORD from \.env$/ : /^hidden \(\d+ characters\)$/);
    }
    const sarif = JSON.parse(formatSarif(report, '0.0.0-test')) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    for (const result of sarif.runs[0]?.results ?? []) expect(result.message.text).not.toContain('…');
  });

  it('never contains a secret, in any format', () => {
    const outputs = [formatText(report), formatJson(report), formatSarif(report, '0.0.0-test')];
    for (const output of outputs) {
      for (const secret of secrets) {
        expect(secret.length).toBeGreaterThan(7);
        expect(output.includes(secret), `secret of length ${secret.length} leaked`).toBe(false);
      }
    }
  });

  it('prints file:line:col rule-id, a masked preview, a summary and the fix', () => {
    const text = formatText(report);
    expect(text).toMatch(/^src\/leaky file\.ts:1:\d+ github-pat {2}hidden \(40 characters\) {2}GitHub personal access token/m);
    expect(text).toContain('DB_PASSWORD from .env');
    expect(text).toMatch(/secrets found in 1 file \(1 file scanned\)/);
    expect(text).toContain('envguard:allow');
    expect(formatText({ findings: [], filesScanned: 3 })).toBe('envguard: no secrets found (3 files scanned)\n');
  });

  it('gives in JSON the .envguardignore entry that accepts each finding', () => {
    const json = JSON.parse(formatJson(report)) as { findings: Array<{ ignoreEntry: string; fingerprint: string; ruleId: string }> };
    const first = json.findings[0];
    expect(first?.ignoreEntry).toBe(`${first?.fingerprint} ${first?.ruleId}`);
    const ignore = parseIgnoreFile(json.findings.map((finding) => finding.ignoreEntry).join('\n'));
    expect(ignore.size).toBeGreaterThan(40);
  });

  it('writes SARIF that validates against the SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    const sarif = JSON.parse(formatSarif(report, '0.1.0')) as unknown;
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const empty = JSON.parse(formatSarif({ findings: [], filesScanned: 0 }, '0.1.0')) as unknown;
    expect(validate(empty)).toBe(true);
    // The validator is not a rubber stamp.
    expect(validate({ version: '2.1.0', runs: [{ tool: {} }] })).toBe(false);
  });
});
