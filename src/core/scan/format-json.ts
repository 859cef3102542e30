import { ignoreEntry } from './allow-list.js';
import type { ScanReport } from './types.js';

/**
 * Machine output. Each finding carries `ignoreEntry`, the exact line to paste into
 * `.envguardignore` to accept it; nothing carries the secret (fingerprint and masked preview only).
 */
export function formatJson(report: ScanReport): string {
  const files = new Set(report.findings.map((finding) => finding.file)).size;
  const out = {
    version: 1,
    summary: { findings: report.findings.length, files, filesScanned: report.filesScanned },
    findings: report.findings.map((finding) => ({
      file: finding.file,
      line: finding.line,
      column: finding.column,
      ruleId: finding.ruleId,
      kind: finding.kind,
      description: finding.description,
      preview: finding.preview,
      fingerprint: finding.fingerprint,
      ignoreEntry: ignoreEntry(finding.fingerprint, finding.ruleId),
      ...(finding.commit === undefined ? {} : { commit: finding.commit }),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
