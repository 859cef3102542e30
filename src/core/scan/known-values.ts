import { AhoCorasick, byteString } from '../aho-corasick.js';
import { secretForms, type SecretEncoding } from '../secret-forms.js';
import { classifyVariable, type SensitivityPolicy } from '../sensitivity.js';
import type { KnownValue } from './types.js';

/**
 * The project's own secret values, in every form {@link secretForms} lists, searched for as bytes.
 * Which values: those {@link classifyVariable} calls secrets (sensitive name, URL credentials, or
 * random-looking under any name), minus the few that would match ordinary text everywhere.
 */

export type KnownValueEncoding = SecretEncoding;

export interface KnownValuePattern {
  /** The form's UTF-8 bytes as a byte string (one character per byte). */
  readonly text: string;
  readonly encoding: KnownValueEncoding;
  readonly source: KnownValue;
}

/** Shorter values match by chance in any text: `abc` is no leak of anything. */
export const MIN_SEARCHED_LENGTH = 6;

/** Whole values that are settings, not secrets, even under a sensitive name (`AUTH_MODE=disabled`). */
const NOT_SECRET = /^(?:true|false|yes|no|on|off|null|none|nil|undefined|enabled|disabled|localhost|development|production|staging|test|debug|info|warn|warning|error|bearer|basic)$/i;
/** A whole value that only refers to another (`${DB_PASS}`, `{{ secret }}`, `%(pw)s`): the text, not a secret. */
const REFERENCE = /^(?:\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{[^}]*\}\}|%\([a-z_]*\)s|%[A-Z_]+%)$/i;
/** An address is no secret even under a sensitive name (`AUTH_URL`); credentials inside one are (see sensitivity). */
const ADDRESS = /^(?:[a-z][a-z0-9+.-]*:\/\/[^/@\s]+(?:\/[^?@\s]*)?|\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?)$/i;
/** Well-known default passwords: a leak of `changeme` leaks nothing, and it is in every example file. */
const DEFAULTS = new Set(['changeme', 'change-me', 'change_me', 'password', 'passwd', 'secret', 'postgres', 'admin', 'letmein', 'changeit', 'example']);

/**
 * True when the value is looked for: a secret by {@link classifyVariable}, at least
 * {@link MIN_SEARCHED_LENGTH} characters, and not a bare setting word, number, reference or
 * default password. Values merely containing "todo", "sample", `%s` or `<…>` are kept.
 */
export function isSearchableValue(name: string, value: string, policy: SensitivityPolicy = {}): boolean {
  const trimmed = value.trim();
  if (trimmed.length < MIN_SEARCHED_LENGTH) return false;
  if (/^[\d\s.,:_+-]+$/.test(trimmed) || NOT_SECRET.test(trimmed) || REFERENCE.test(trimmed) || ADDRESS.test(trimmed) || DEFAULTS.has(trimmed.toLowerCase())) return false;
  if (/^(.)\1+$/.test(trimmed)) return false;
  return classifyVariable(name, value, policy) !== 'public';
}

/** Every searchable form of every searchable value, each text once (the first value claiming it names it). */
export function knownValuePatterns(values: readonly KnownValue[], policy: SensitivityPolicy = {}): KnownValuePattern[] {
  const patterns: KnownValuePattern[] = [];
  const seen = new Set<string>();
  for (const source of values) {
    if (!isSearchableValue(source.name, source.value, policy)) continue;
    for (const form of secretForms(source.value)) {
      if (form.text.length < MIN_SEARCHED_LENGTH) continue;
      const text = byteString(form.text);
      if (seen.has(text)) continue;
      seen.add(text);
      patterns.push({ text, encoding: form.encoding, source });
    }
  }
  return patterns;
}

/**
 * The automaton holds only the first bytes of each form; a hit is confirmed against the whole
 * form. Ten characters of a random value are already as good as unique among 100,000 values, and
 * the trie then stays small however long the values are (a PEM key, a JSON credentials file).
 */
const PREFIX = 10;

/** Finds every known value's forms in a byte buffer. */
export class KnownValueMatcher {
  readonly patterns: readonly KnownValuePattern[];
  private readonly automaton: AhoCorasick;

  /** `denseDepth`: as the automaton option (a matcher searched over a few kilobytes wants 2). */
  constructor(patterns: readonly KnownValuePattern[], options: { denseDepth?: number } = {}) {
    this.patterns = patterns;
    this.automaton = new AhoCorasick(
      patterns.map((pattern) => pattern.text.slice(0, PREFIX)),
      options.denseDepth === undefined ? {} : { denseDepth: options.denseDepth },
    );
  }

  /** Calls `onMatch(pattern, byteStart)` for each occurrence of a whole form, in order of its prefix's end. */
  search(bytes: Uint8Array, onMatch: (pattern: KnownValuePattern, byteStart: number) => void): void {
    this.automaton.search(bytes, (index, start) => {
      const pattern = this.patterns[index] as KnownValuePattern;
      const text = pattern.text;
      if (start + text.length > bytes.length) return;
      for (let i = PREFIX; i < text.length; i++) if (bytes[start + i] !== text.charCodeAt(i)) return;
      onMatch(pattern, start);
    });
  }
}
