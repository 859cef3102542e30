import { PLAINTEXT_ENV_RULE_ID, KEY_FILE_RULE_ID } from './forbidden-file.js';
import { formatFindingLine } from '../scan/format-text.js';
import type { Finding } from '../scan/types.js';

/**
 * What a push or server refusal says: every finding (commit, file, line, masked), then the history
 * rewrite that removes it. Amending the tip is not enough once a secret is in an older commit of
 * the push: the commit itself has to be edited (docs/remediation.md has the long form).
 */

export interface OldestCommit {
  sha: string;
  /** A root commit has no parent to rebase onto: `git rebase -i --root`. */
  isRoot: boolean;
}

/** The lines of a refusal; none of them holds a secret (previews are masked, known values named). */
export function refusalLines(findings: readonly Finding[], oldest: OldestCommit): string[] {
  const lines = findings.map((finding) => formatFindingLine(finding));
  const files = [...new Set(findings.filter((finding) => finding.ruleId === PLAINTEXT_ENV_RULE_ID || finding.ruleId === KEY_FILE_RULE_ID).map((finding) => finding.file))];
  const short = oldest.sha.slice(0, 12);
  lines.push(`fix: rewrite the commits before pushing: \`git rebase -i ${oldest.isRoot ? '--root' : `${short}^`}\`, mark each commit named above \`edit\`, and at each stop`);
  if (files.length > 0) lines.push(`       \`git rm --cached -- ${files.map((file) => `'${file}'`).join(' ')}\` (envguard commits the .encrypted file instead),`);
  if (files.length < new Set(findings.map((finding) => finding.file)).size) lines.push('       remove the secret from the file (read it from the environment; `envguard set NAME` keeps it in .env),');
  lines.push('       then `git commit --amend --no-edit` and `git rebase --continue`; push again.');
  lines.push('     a secret that ever left this machine must be rotated too: `envguard rotate` for envguard keys and .env values, the provider for tokens (docs/remediation.md)');
  return lines;
}
