/**
 * Shapes shared by the secret scan. A rule is data: the scanner decides when its regex runs
 * (only on lines where one of its keywords occurs) and what is reported (never the secret).
 */

export interface SecretRule {
  /** Stable kebab-case id, used in output, in `envguard:allow <id>` and in `.envguardignore`. */
  readonly id: string;
  readonly description: string;
  /** Literal substrings, matched case-insensitively; the regex runs only on lines containing one. */
  readonly keywords: readonly string[];
  /** Matches the secret; capture group 1 is the secret when present, otherwise the whole match. */
  readonly regex: RegExp;
  /** A structural check beyond the regex (a checksum, a decodable header): false drops the match. */
  readonly validate?: (secret: string, match: string) => boolean;
  /** The secret may be a UUID, which the scan otherwise skips as an identifier (a UUID named `SNYK_TOKEN`). */
  readonly uuidSecret?: boolean;
  /** The regex may span the following lines too (a PEM header and its body). */
  readonly multiline?: boolean;
}

/** Text to scan: whole file content, or the added lines of a diff joined with `\n`. */
export interface ScanTarget {
  /** Path relative to the repository (or to the scanned root), with `/` separators. */
  readonly file: string;
  readonly text: string;
  /** The real line number of each line of `text` (diff hunks); absent means line i is number i + 1. */
  readonly lineNumbers?: readonly number[];
  /** The commit the lines were added in (`--since`). */
  readonly commit?: string;
  /**
   * The content as bytes, when it was read as such (a staged blob): known values are searched in
   * these, so a value is found in binary files and non-UTF-8 text too. Without it, `text`'s UTF-8.
   */
  readonly bytes?: Uint8Array;
  /** Only the known-value tier runs (binary blobs, lockfiles, vendored paths: provider rules skip them). */
  readonly knownValuesOnly?: boolean;
}

/** A project value the scan looks for: reported as `name from file`, never by value. */
export interface KnownValue {
  readonly name: string;
  readonly file: string;
  readonly value: string;
}

/** `forbidden-file`: a file that must never be committed at all (a plaintext env file, a key file), found by its path. */
export type FindingKind = 'known-value' | 'provider' | 'generic' | 'plaintext-in-encrypted' | 'forbidden-file';

export interface Finding {
  readonly file: string;
  /** 1-based line and column (column counts UTF-16 code units, as editors and SARIF do). */
  readonly line: number;
  readonly column: number;
  readonly ruleId: string;
  readonly kind: FindingKind;
  readonly description: string;
  /** `hidden (N characters)`, or `NAME from .env` for a known value: no character of the secret. */
  readonly preview: string;
  /** `hmac-sha256:` + hex HMAC of the secret keyed by the project salt: what `.envguardignore` entries are keyed by. */
  readonly fingerprint: string;
  /** Length of the matched secret on its first line, in UTF-16 code units (for SARIF regions). */
  readonly length: number;
  readonly commit?: string;
}

/** What one scan run found. */
export interface ScanReport {
  readonly findings: readonly Finding[];
  /** Files (or diffs of files) actually read. */
  readonly filesScanned: number;
}
