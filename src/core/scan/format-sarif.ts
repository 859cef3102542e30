import { ruleCatalog } from './rule-catalog.js';
import type { ScanReport } from './types.js';

/**
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html) for code-scanning
 * upload. `partialFingerprints` carries the secret's hash so the same secret on a moved line is
 * recognised as the same alert; the message holds only the masked preview.
 */
export function formatSarif(report: ScanReport, toolVersion: string): string {
  const catalog = new Map(ruleCatalog().map((rule) => [rule.id, rule.description]));
  const ruleIds = [...new Set(report.findings.map((finding) => finding.ruleId))];
  const rules = ruleIds.map((id) => ({
    id,
    name: id.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, char: string) => char.toUpperCase()),
    shortDescription: { text: catalog.get(id) ?? id },
    defaultConfiguration: { level: 'error' },
    help: {
      text: 'Move the secret into .env (git-ignored; envguard encrypts it) and read it from the environment. If it is not a secret, add "envguard:allow <rule-id>" to the line or the finding\'s entry to .envguardignore.',
    },
    properties: { tags: ['security', 'secret'] },
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'envguard', version: toolVersion, semanticVersion: toolVersion, rules } },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((finding) => ({
          ruleId: finding.ruleId,
          ruleIndex: ruleIds.indexOf(finding.ruleId),
          level: 'error',
          message: { text: finding.kind === 'known-value' ? finding.description : `${finding.description} (${finding.preview})` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(finding.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: finding.line, startColumn: finding.column, endColumn: finding.column + finding.length },
              },
            },
          ],
          // v2: keyed HMAC (docs/scan-fingerprints.md); v1 was a bare sha256.
          partialFingerprints: { 'envguardSecret/v2': finding.fingerprint.replace(/^(?:hmac-)?sha256:/, '') },
          ...(finding.commit === undefined ? {} : { properties: { commit: finding.commit } }),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
