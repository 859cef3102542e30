import type { SensitivityPolicy } from '../sensitivity.js';
import { inlineAllow, secretFingerprint, type IgnoreList } from './allow-list.js';
import { isBinaryText, isDefaultSkippedValue } from './default-skips.js';
import { classifyEncryptedLine, isEncryptedEnvPath, leakedPart, PLAINTEXT_IN_ENCRYPTED_RULE_ID } from './encrypted-file-rule.js';
import { findGenericSecrets, GENERIC_KEYWORDS, GENERIC_RULE_ID } from './generic-rule.js';
import { createKeywordSearch } from './keyword-search.js';
import { KnownValueMatcher, knownValuePatterns, type KnownValuePattern } from './known-values.js';
import { maskSecret } from './mask-secret.js';
import { isPlaceholder } from './placeholder.js';
import { providerRules } from './rules/index.js';
import { LineIndex } from './line-index.js';
import type { Finding, FindingKind, KnownValue, ScanTarget, SecretRule } from './types.js';

/**
 * The scan engine. One Aho-Corasick pass over a target finds every rule keyword; a rule's regex
 * then runs only on the lines (or, on very long lines, the windows) where its keywords are. A
 * second automaton finds the project's known values in the target's bytes, binary or not. The
 * generic rule runs last, only on lines no other tier reported. Findings carry a fingerprint and
 * a preview that holds no character of the secret.
 */

export const KNOWN_VALUE_RULE_ID = 'known-value';

export interface ScannerOptions {
  /** Provider rules (default: all of them). */
  rules?: readonly SecretRule[];
  /** The project's own values, looked for in every encoding. */
  knownValues?: readonly KnownValue[];
  /** Which known values are secrets (`sensitiveNames`, `publicNames` from `.envguard.json`). */
  sensitivity?: SensitivityPolicy;
  /** `.envguardignore` entries. */
  ignore?: IgnoreList;
  /** The project's fingerprint salt (its ledger project id), which keys every finding's fingerprint. */
  fingerprintSalt?: string;
  /** Run the generic keyword-plus-entropy rule (default true). */
  generic?: boolean;
  /**
   * The scanner will see a few kilobytes at most (a commit's added lines): its automata then get
   * dense rows for their shallowest states only, as building a 256-entry row costs more than the
   * lookups it saves on so little text (issue 14). Only the speed changes, never the findings.
   */
  smallInput?: boolean;
}

export interface Scanner {
  scan(target: ScanTarget): Finding[];
  /** How many rules (provider + generic + known values + encrypted file) are active. */
  readonly ruleCount: number;
}

/** Past this length a line is scanned in windows around each keyword (minified bundles). */
const LONG_LINE = 4096;
const WINDOW = 1024;
const KIND_PRIORITY: Record<FindingKind, number> = { 'forbidden-file': 0, 'plaintext-in-encrypted': 0, 'known-value': 1, provider: 2, generic: 3 };

interface Candidate {
  start: number;
  end: number;
  kind: FindingKind;
  ruleId: string;
  description: string;
  secret: string;
  preview: string;
}

export function createScanner(options: ScannerOptions = {}): Scanner {
  const rules = options.rules ?? providerRules;
  const generic = options.generic !== false;
  const genericIndex = rules.length;
  // Compiled on first use: most rules' keywords never occur in a commit, so most never compile.
  const regexes: Array<RegExp | undefined> = [];

  const keywordRules = new Map<string, number[]>();
  const addKeyword = (keyword: string, ruleIndex: number) => {
    const lower = keyword.toLowerCase();
    const list = keywordRules.get(lower) ?? [];
    if (!list.includes(ruleIndex)) list.push(ruleIndex);
    keywordRules.set(lower, list);
  };
  rules.forEach((rule, index) => rule.keywords.forEach((keyword) => addKeyword(keyword, index)));
  if (generic) GENERIC_KEYWORDS.forEach((keyword) => addKeyword(keyword, genericIndex));
  const keywords = [...keywordRules.keys()];
  const keywordTargets = keywords.map((keyword) => keywordRules.get(keyword) as number[]);
  // A commit's few kilobytes are searched without building the automaton (keyword-search.ts).
  const keywordMatcher = createKeywordSearch(keywords);

  const patterns = knownValuePatterns(options.knownValues ?? [], options.sensitivity);
  const valueMatcher = patterns.length > 0 ? new KnownValueMatcher(patterns, options.smallInput === true ? { denseDepth: 2 } : {}) : undefined;

  return {
    ruleCount: rules.length + (generic ? 1 : 0) + 2,
    scan(target) {
      return scanTarget(target);
    },
  };

  function scanTarget(target: ScanTarget): Finding[] {
    // Binary content is read byte for byte (latin1 keeps offsets); only known values are looked for in it.
    const binary = target.knownValuesOnly === true || isBinaryText(target.text) || (target.bytes !== undefined && hasNul(target.bytes));
    const text = binary && target.bytes !== undefined ? Buffer.from(target.bytes).toString('latin1') : target.text;
    if (text.length === 0) return [];
    const lines = new LineIndex(text);
    const candidates: Candidate[] = [];
    const ciphertextLines = new Set<number>();
    if (valueMatcher) findKnownValues(valueMatcher, target, binary, text, candidates);
    if (binary) return toFindings(target, lines, resolveOverlaps(candidates), ciphertextLines);

    if (isEncryptedEnvPath(target.file)) {
      for (let index = 0; index < lines.count; index++) {
        const line = lines.text(index);
        const kind = classifyEncryptedLine(line);
        if (kind === 'ciphertext') ciphertextLines.add(index);
        if (kind !== 'plaintext') continue;
        const leak = leakedPart(line);
        const start = lines.start(index) + leak.index;
        candidates.push({
          start,
          end: start + leak.text.length,
          kind: 'plaintext-in-encrypted',
          ruleId: PLAINTEXT_IN_ENCRYPTED_RULE_ID,
          description: 'Plaintext line in an encrypted env file (expected NAME=fernet:<token>)',
          secret: leak.text,
          preview: maskSecret(leak.text),
        });
      }
    }

    // Tier 2: provider formats, only where a keyword says they could match.
    const work = new Map<string, { rule: number; from: number; to: number }>();
    keywordMatcher.search(text, (keywordIndex, position) => {
      const line = lines.indexOf(position);
      const lineStart = lines.start(line);
      const lineEnd = lines.end(line);
      for (const rule of keywordTargets[keywordIndex] as number[]) {
        if (lineEnd - lineStart <= LONG_LINE) {
          const key = `${rule}:${line}`;
          if (work.has(key)) continue;
          const multiline = rule !== genericIndex && rules[rule]?.multiline === true;
          work.set(key, { rule, from: lineStart, to: multiline ? lines.end(Math.min(line + 4, lines.count - 1)) : lineEnd });
        } else {
          const bucket = Math.floor(position / WINDOW);
          const key = `${rule}:${line}:${bucket}`;
          if (work.has(key)) continue;
          work.set(key, { rule, from: Math.max(lineStart, bucket * WINDOW - WINDOW / 2), to: Math.min(lineEnd, (bucket + 2) * WINDOW) });
        }
      }
    });

    const genericWork: Array<{ from: number; to: number }> = [];
    // In rule order, so that of two rules matching the same characters the earlier (more specific) one is kept.
    for (const { rule, from, to } of [...work.values()].sort((a, b) => a.rule - b.rule)) {
      if (rule === genericIndex) {
        genericWork.push({ from, to });
        continue;
      }
      const definition = rules[rule] as SecretRule;
      const regex = (regexes[rule] ??= new RegExp(definition.regex.source, `${definition.regex.flags.replace(/[gd]/g, '')}gd`));
      const segment = text.slice(from, to);
      regex.lastIndex = 0;
      for (let match = regex.exec(segment); match !== null; match = regex.exec(segment)) {
        if (match[0].length === 0) regex.lastIndex++;
        const group = match[1] !== undefined ? 1 : 0;
        const secret = match[group] as string;
        const span = (match.indices as RegExpIndicesArray)[group] as [number, number];
        if (isPlaceholder(secret) || (isDefaultSkippedValue(secret) && definition.uuidSecret !== true)) continue;
        if (definition.validate && !definition.validate(secret, match[0])) continue;
        candidates.push({
          start: from + span[0],
          end: from + span[1],
          kind: 'provider',
          ruleId: definition.id,
          description: definition.description,
          secret,
          preview: maskSecret(secret),
        });
      }
    }

    // Tier 3: the generic rule, on lines nothing more specific reported.
    if (genericWork.length > 0) {
      const reportedLines = new Set(candidates.map((candidate) => lines.indexOf(candidate.start)));
      for (const { from, to } of genericWork) {
        if (reportedLines.has(lines.indexOf(from))) continue;
        for (const found of findGenericSecrets(text.slice(from, to), target.file)) {
          const start = from + found.index;
          candidates.push({
            start,
            end: start + found.secret.length,
            kind: 'generic',
            ruleId: GENERIC_RULE_ID,
            description: `High-entropy value assigned to ${found.key}`,
            secret: found.secret,
            preview: maskSecret(found.secret),
          });
        }
      }
    }

    return toFindings(target, lines, resolveOverlaps(candidates), ciphertextLines);
  }

  function toFindings(target: ScanTarget, lines: LineIndex, candidates: Candidate[], ciphertextLines: ReadonlySet<number>): Finding[] {
    const findings: Finding[] = [];
    for (const candidate of candidates) {
      const line = lines.indexOf(candidate.start);
      if (ciphertextLines.has(line) && candidate.kind !== 'known-value') continue;
      const allow = inlineAllow(lines.text(line));
      if (allow === 'all' || allow?.has(candidate.ruleId)) continue;
      const fingerprint = secretFingerprint(candidate.secret, options.fingerprintSalt);
      if (options.ignore?.has(fingerprint, candidate.ruleId, candidate.secret)) continue;
      findings.push({
        file: target.file,
        line: target.lineNumbers?.[line] ?? line + 1,
        column: candidate.start - lines.start(line) + 1,
        ruleId: candidate.ruleId,
        kind: candidate.kind,
        description: candidate.description,
        preview: candidate.preview,
        fingerprint,
        // A private key spans lines; its region ends with its first line.
        length: Math.min(candidate.end, lines.end(line)) - candidate.start,
        ...(target.commit === undefined ? {} : { commit: target.commit }),
      });
    }
    return findings;
  }
}

/** Keeps the most specific finding where several cover the same characters; output is in text order. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const byPriority = [...candidates].sort((a, b) => KIND_PRIORITY[a.kind] - KIND_PRIORITY[b.kind] || a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const candidate of byPriority) {
    if (kept.some((other) => candidate.start < other.end && other.start < candidate.end)) continue;
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Tier 1, the project's own values, searched in the target's bytes (its UTF-8 encoding when only
 * text is given). Offsets are turned back into the text's UTF-16 offsets for line and column.
 */
function findKnownValues(matcher: KnownValueMatcher, target: ScanTarget, binary: boolean, text: string, candidates: Candidate[]): void {
  const bytes = target.bytes ?? Buffer.from(text, 'utf8');
  let toChar: ((offset: number) => number) | undefined = binary || bytes.length === text.length ? (offset) => offset : undefined;
  matcher.search(bytes, (pattern: KnownValuePattern, byteStart) => {
    toChar ??= utf16Offsets(bytes);
    const { name, file } = pattern.source;
    const start = toChar(byteStart);
    candidates.push({
      start,
      end: toChar(byteStart + pattern.text.length),
      kind: 'known-value',
      ruleId: KNOWN_VALUE_RULE_ID,
      description: `Value of ${name} from ${file}${pattern.encoding === 'raw' ? '' : ` (${pattern.encoding})`}`,
      secret: pattern.source.value,
      preview: `${name} from ${file}`,
    });
  });
}

/** Byte offset → UTF-16 offset in the decoded text (a 4-byte sequence is two units). */
function utf16Offsets(bytes: Uint8Array): (offset: number) => number {
  const map = new Int32Array(bytes.length + 1);
  let units = 0;
  for (let i = 0; i < bytes.length; i++) {
    map[i] = units;
    const byte = bytes[i] as number;
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  map[bytes.length] = units;
  return (offset) => map[offset] as number;
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) !== -1;
}
