import { printable } from '../text/printable.js';
import type { Finding, ScanReport } from './types.js';

/**
 * Human output: one `file:line:col rule-id  preview  description` line per finding, a summary,
 * and the fix. Contains no secret: previews are masked and known values appear by name.
 */
export function formatText(report: ScanReport): string {
  const { findings, filesScanned } = report;
  const scanned = `${filesScanned} file${filesScanned === 1 ? '' : 's'} scanned`;
  if (findings.length === 0) return `envguard: no secrets found (${scanned})\n`;
  // A path is the repository's, not ours: a name holding terminal escapes is printed without them.
  const lines = findings.map((finding) => printable(formatFindingLine(finding)));
  const files = new Set(findings.map((finding) => finding.file)).size;
  lines.push('');
  lines.push(`envguard: ${findings.length} secret${findings.length === 1 ? '' : 's'} found in ${files} file${files === 1 ? '' : 's'} (${scanned})`);
  lines.push('  fix: move each secret into .env (git-ignored; `envguard encrypt` keeps it in .env.encrypted) and read it from the environment;');
  lines.push('       if one is not a secret, add `# envguard:allow <rule-id>` to its line, or its entry from `envguard scan --format json` to .envguardignore');
  if (findings.some((finding) => finding.commit !== undefined)) {
    lines.push('       a secret already in a commit must be rotated: `envguard rotate` for .env values, the provider\'s console for tokens');
  }
  return `${lines.join('\n')}\n`;
}

/** `src/app.ts:3:15 github-pat  ghp_…  GitHub personal access token (classic)` */
export function formatFindingLine(finding: Finding): string {
  const where = `${finding.file}:${finding.line}:${finding.column}`;
  const commit = finding.commit === undefined ? '' : ` (commit ${finding.commit.slice(0, 12)})`;
  const detail = finding.kind === 'known-value' ? finding.description : `${finding.preview}  ${finding.description}`;
  return `${where} ${finding.ruleId}  ${detail}${commit}`;
}
