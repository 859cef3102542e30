import { formatSarif } from '../scan/format-sarif.js';
import type { Finding } from '../scan/types.js';

/**
 * `envguard ci --format sarif`: the scan's SARIF (secrets and forbidden files, masked) plus one
 * result per ledger or policy problem, so a code-scanning upload shows everything the run refused.
 */

export interface CiSarifProblem {
  ruleId: 'ledger-invalid' | 'rotation-overdue' | 'access-grant-invalid';
  file: string | undefined;
  /** 1-based line in `file`, when the problem is at one (a replayed token); the file's first line otherwise. */
  line?: number;
  message: string;
}

const DESCRIPTIONS: Record<CiSarifProblem['ruleId'], string> = {
  'ledger-invalid': 'The rotation ledger or an encrypted file does not verify',
  'rotation-overdue': 'Key rotation is overdue under a blocking policy',
  'access-grant-invalid': 'An access grant does not verify',
};

interface SarifLog {
  runs: Array<{ tool: { driver: { rules: Array<Record<string, unknown>> } }; results: Array<Record<string, unknown>> }>;
}

export function formatCiSarif(findings: readonly Finding[], problems: readonly CiSarifProblem[], toolVersion: string): string {
  const log = JSON.parse(formatSarif({ findings, filesScanned: 0 }, toolVersion)) as SarifLog;
  const run = log.runs[0];
  if (!run) return `${JSON.stringify(log, null, 2)}\n`;
  const rules = run.tool.driver.rules;
  for (const problem of problems) {
    let ruleIndex = rules.findIndex((rule) => rule.id === problem.ruleId);
    if (ruleIndex === -1) {
      ruleIndex = rules.length;
      rules.push({ id: problem.ruleId, shortDescription: { text: DESCRIPTIONS[problem.ruleId] }, defaultConfiguration: { level: 'error' }, properties: { tags: ['security'] } });
    }
    run.results.push({
      ruleId: problem.ruleId,
      ruleIndex,
      level: 'error',
      // Ledger messages never quote the ledger's own text (DESIGN.md), so they are safe here.
      message: { text: withoutControlCharacters(problem.message) },
      locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(problem.file ?? '.env.ledger.json'), uriBaseId: '%SRCROOT%' }, region: { startLine: problem.line ?? 1 } } }],
    });
  }
  return `${JSON.stringify(log, null, 2)}\n`;
}

function withoutControlCharacters(text: string): string {
  return [...text].map((char) => (char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127 ? ' ' : char)).join('');
}
