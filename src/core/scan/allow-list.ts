import { createHash, createHmac } from 'node:crypto';

/**
 * Two ways to accept a finding. Inline: `envguard:allow` (every rule) or `envguard:allow rule-id`
 * (a comma/space separated list) anywhere on the line, usually in a comment. Project-wide:
 * `.envguardignore`, one `<fingerprint> <rule-id>` per line, so an entry follows the secret when
 * lines move. The fingerprint is an HMAC-SHA256 of the secret keyed by the project's salt (the
 * ledger's project id), so the file, or a SARIF upload, cannot be used on its own to test guesses
 * of a short secret the way a bare sha256 could. See docs/scan-fingerprints.md for the trade-off.
 */

export const IGNORE_FILE = '.envguardignore';
/** The prefix of a keyed fingerprint; `sha256:` marks the older bare form, still read. */
export const KEYED_PREFIX = 'hmac-sha256:';
/** Salt for a project with no ledger yet (no project id): keyed, but the same for every such project. */
export const DEFAULT_SALT = 'envguard-no-project';
/** The command that rewrites bare sha256 entries as keyed ones (named in the warning). */
export const UPGRADE_COMMAND = 'envguard scan --upgrade-ignore';

const INLINE = /envguard:allow(?:[ \t]+([a-z0-9][a-z0-9-]*(?:[ \t]*,[ \t]*[a-z0-9][a-z0-9-]*)*))?/;

/** `'all'` for a bare `envguard:allow`, the listed rule ids otherwise, `undefined` when the line has none. */
export function inlineAllow(line: string): 'all' | ReadonlySet<string> | undefined {
  if (!line.includes('envguard:allow')) return undefined;
  const match = INLINE.exec(line);
  if (!match) return undefined;
  if (match[1] === undefined) return 'all';
  return new Set(match[1].split(/[\s,]+/).filter(Boolean));
}

/** `hmac-sha256:` + hex HMAC of the secret keyed by the project salt: a finding's identity in `.envguardignore` and reports. */
export function secretFingerprint(secret: string, salt: string = DEFAULT_SALT): string {
  // Domain-separated key, so the same salt used elsewhere never yields the same MAC.
  const key = `envguard-ignore-v1\u0000${salt}`;
  return `${KEYED_PREFIX}${createHmac('sha256', key).update(secret, 'utf8').digest('hex')}`;
}

/** The older bare form, `sha256:` + hex SHA-256 of the secret: read for compatibility, never written. */
export function legacyFingerprint(secret: string): string {
  return `sha256:${createHash('sha256').update(secret, 'utf8').digest('hex')}`;
}

/** The line to add to `.envguardignore` to accept this secret for this rule. */
export function ignoreEntry(fingerprint: string, ruleId: string): string {
  return `${fingerprint} ${ruleId}`;
}

export interface IgnoreList {
  /** True when an entry accepts this finding; `secret` lets a bare sha256 entry match too. */
  has(fingerprint: string, ruleId: string, secret?: string): boolean;
  readonly size: number;
}

/** What parsing `.envguardignore` found beyond the entries themselves. */
export interface ParsedIgnoreFile extends IgnoreList {
  invalidLines: number[];
  /** How many entries are bare sha256 (to upgrade with {@link UPGRADE_COMMAND}). */
  legacyEntries: number;
  /** Bare entries that matched a finding in this run, each with its keyed replacement. */
  readonly upgrades: ReadonlyMap<string, string>;
}

/**
 * Parses `.envguardignore` text: `hmac-sha256:<hex> <rule-id>` entries, older `sha256:<hex>`
 * (or bare `<hex>`) entries, `#` comments and blank lines; malformed lines are reported by
 * number, not fatal.
 */
export function parseIgnoreFile(text: string): ParsedIgnoreFile {
  const keyed = new Set<string>();
  const legacy = new Set<string>();
  const upgrades = new Map<string, string>();
  const invalidLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') return;
    const match = /^(hmac-sha256:|sha256:)?([0-9a-f]{64})\s+([a-z0-9][a-z0-9-]*)$/i.exec(line);
    if (!match) {
      invalidLines.push(index + 1);
      return;
    }
    const hex = (match[2] as string).toLowerCase();
    if (match[1]?.toLowerCase() === KEYED_PREFIX) keyed.add(`${KEYED_PREFIX}${hex} ${match[3] as string}`);
    else legacy.add(`sha256:${hex} ${match[3] as string}`);
  });
  return {
    has(fingerprint, ruleId, secret) {
      if (keyed.has(`${fingerprint} ${ruleId}`)) return true;
      if (legacy.size === 0 || secret === undefined) return false;
      const old = `${legacyFingerprint(secret)} ${ruleId}`;
      if (!legacy.has(old)) return false;
      upgrades.set(old, ignoreEntry(fingerprint, ruleId));
      return true;
    },
    size: keyed.size + legacy.size,
    invalidLines,
    legacyEntries: legacy.size,
    upgrades,
  };
}

/**
 * The ignore file with every upgradable bare entry replaced by its keyed form (comments, order
 * and unmatched entries kept), and how many lines changed.
 */
export function upgradeIgnoreText(text: string, upgrades: ReadonlyMap<string, string>): { text: string; upgraded: number } {
  let upgraded = 0;
  const lines = text.split('\n').map((raw) => {
    const match = /^(\s*)(?:sha256:)?([0-9a-f]{64})(\s+)([a-z0-9][a-z0-9-]*)(.*)$/i.exec(raw);
    if (!match) return raw;
    const replacement = upgrades.get(`sha256:${(match[2] as string).toLowerCase()} ${match[4] as string}`);
    if (replacement === undefined) return raw;
    upgraded++;
    return `${match[1] as string}${replacement}${match[5] as string}`;
  });
  return { text: lines.join('\n'), upgraded };
}
