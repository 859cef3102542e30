import { createHash } from 'node:crypto';

/**
 * Two ways to accept a finding. Inline: `envguard:allow` (every rule) or `envguard:allow rule-id`
 * (a comma/space separated list) anywhere on the line, usually in a comment. Project-wide:
 * `.envguardignore`, one `<sha256 of the secret> <rule-id>` per line, so an entry follows the
 * secret when lines move, and the file itself reveals nothing.
 */

export const IGNORE_FILE = '.envguardignore';

const INLINE = /envguard:allow(?:[ \t]+([a-z0-9][a-z0-9-]*(?:[ \t]*,[ \t]*[a-z0-9][a-z0-9-]*)*))?/;

/** `'all'` for a bare `envguard:allow`, the listed rule ids otherwise, `undefined` when the line has none. */
export function inlineAllow(line: string): 'all' | ReadonlySet<string> | undefined {
  if (!line.includes('envguard:allow')) return undefined;
  const match = INLINE.exec(line);
  if (!match) return undefined;
  if (match[1] === undefined) return 'all';
  return new Set(match[1].split(/[\s,]+/).filter(Boolean));
}

/** `sha256:` + hex digest of the secret: the identity of a finding in `.envguardignore` and reports. */
export function secretFingerprint(secret: string): string {
  return `sha256:${createHash('sha256').update(secret, 'utf8').digest('hex')}`;
}

/** The line to add to `.envguardignore` to accept this secret for this rule. */
export function ignoreEntry(fingerprint: string, ruleId: string): string {
  return `${fingerprint} ${ruleId}`;
}

export interface IgnoreList {
  has(fingerprint: string, ruleId: string): boolean;
  readonly size: number;
}

/**
 * Parses `.envguardignore` text: `sha256:<hex> <rule-id>` entries (the `sha256:` prefix is
 * optional), `#` comments and blank lines; malformed lines are reported by number, not fatal.
 */
export function parseIgnoreFile(text: string): IgnoreList & { invalidLines: number[] } {
  const entries = new Set<string>();
  const invalidLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') return;
    const match = /^(?:sha256:)?([0-9a-f]{64})\s+([a-z0-9][a-z0-9-]*)$/i.exec(line);
    if (!match) {
      invalidLines.push(index + 1);
      return;
    }
    entries.add(`sha256:${(match[1] as string).toLowerCase()} ${match[2] as string}`);
  });
  return {
    has: (fingerprint, ruleId) => entries.has(`${fingerprint} ${ruleId}`),
    size: entries.size,
    invalidLines,
  };
}
