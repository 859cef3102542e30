import { characterClasses, shannonEntropy } from './entropy.js';
import { isPlaceholder } from './placeholder.js';
import type { KnownValue } from './types.js';

/**
 * The project's own secret values, as every form they could be pasted in: raw, base64 (at each of
 * the three byte alignments, so the value is found inside a larger base64 blob too), base64url,
 * URL-encoded and JSON-escaped. Values that are not secrets (`true`, `localhost`, ports, numbers,
 * placeholders) are left out: matching them would flag half the code base.
 */

export type KnownValueEncoding = 'raw' | 'base64' | 'base64url' | 'url-encoded' | 'json-escaped';

export interface KnownValuePattern {
  readonly text: string;
  readonly encoding: KnownValueEncoding;
  readonly source: KnownValue;
}

/** Names whose values are secrets even when short or word-like. */
const SENSITIVE_NAME = /pass|secret|token|key|auth|credential|private|salt|signature|cookie|session|dsn|database_url|conn/i;
const NOT_SECRET = /^(?:true|false|yes|no|on|off|null|none|undefined|localhost|development|production|staging|test|debug|info|warn|error)$/i;
const URL_WITHOUT_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]+(?:\/[^?@\s]*)?$/i;
const HOST_OR_IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?$/i;

/** True when a value is worth looking for: long and random enough, or long enough under a sensitive name. */
export function isSearchableValue(name: string, value: string): boolean {
  if (value.length < 6 || /^[\d\s.,:_-]+$/.test(value) || NOT_SECRET.test(value) || isPlaceholder(value)) return false;
  if (URL_WITHOUT_CREDENTIALS.test(value) || HOST_OR_IP.test(value)) return false;
  if (SENSITIVE_NAME.test(name)) return value.length >= 6;
  // Other variables (APP_NAME, LOG_FORMAT…) count only when the value itself looks random.
  return value.length >= 12 && characterClasses(value) >= 2 && shannonEntropy(value) >= 3;
}

/**
 * The inner part of base64(prefix + value) that depends only on the value, for a prefix of 0, 1
 * or 2 bytes: characters touched by the unknown neighbouring bytes are dropped.
 */
function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const lead = shift === 0 ? 0 : shift === 1 ? 2 : 3;
    // The last group is complete only when (shift + length) is a multiple of 3.
    const usable = Math.floor((shift + bytes.length) / 3) * 4;
    const core = encoded.slice(lead, usable);
    if (core.length >= 8) cores.push(core);
  }
  return cores;
}

/** Every searchable form of every searchable value, without duplicates. */
export function knownValuePatterns(values: readonly KnownValue[]): KnownValuePattern[] {
  const patterns: KnownValuePattern[] = [];
  const seen = new Set<string>();
  const add = (text: string, encoding: KnownValueEncoding, source: KnownValue) => {
    if (text.length < 6 || seen.has(text)) return;
    seen.add(text);
    patterns.push({ text, encoding, source });
  };
  for (const source of values) {
    const { name, value } = source;
    if (!isSearchableValue(name, value)) continue;
    add(value, 'raw', source);
    const bytes = Buffer.from(value, 'utf8');
    for (const core of base64Cores(bytes)) {
      add(core, 'base64', source);
      add(core.replace(/\+/g, '-').replace(/\//g, '_'), 'base64url', source);
    }
    add(encodeURIComponent(value), 'url-encoded', source);
    add(encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()), 'url-encoded', source);
    add(JSON.stringify(value).slice(1, -1), 'json-escaped', source);
    add(JSON.stringify(value).slice(1, -1).replace(/\//g, '\\/'), 'json-escaped', source);
  }
  return patterns;
}
