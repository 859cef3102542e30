/**
 * The one list of the forms a secret is pasted or printed in, shared by the scan (known values)
 * and masking: what one hides, the other looks for. Each form says how it was made, so a finding
 * can say "(base64)" without showing anything of the value.
 */

export type SecretEncoding = 'raw' | 'base64' | 'base64url' | 'hex' | 'url-encoded' | 'form-encoded' | 'json-escaped' | 'shell-escaped' | 'line';

export interface SecretForm {
  readonly text: string;
  readonly encoding: SecretEncoding;
}

/**
 * A base64 fragment shorter than this is not used: inside a base64 stream the value may start at
 * any of three byte offsets, and a short fragment would match by chance in unrelated hashes.
 */
export const MIN_BASE64_FRAGMENT = 8;

/** Lines of a multi-line value at least this long are forms of their own (a PEM body, a logger's prefixed line). */
export const MIN_LINE_LENGTH = 16;

/**
 * Every form of `value`, the value itself first, each text once: JSON escaping (also `\/` and
 * Python's ASCII-only `\u00e9`), URL encoding as `encodeURIComponent` (upper- and lower-case
 * escapes) and as Python's `urllib.parse.quote`, form encoding (`+` for space, as
 * `URLSearchParams` and `quote_plus` write it), base64 and base64url whole and at each of the
 * three alignments inside a longer text (`user:password` in Basic auth), hex in both cases, shell
 * escaping (single-quoted, double-quoted, backslashed), and the long lines of a multi-line value.
 */
export function secretForms(value: string): SecretForm[] {
  const forms: SecretForm[] = [];
  const seen = new Set<string>();
  const add = (text: string, encoding: SecretEncoding) => {
    if (text === '' || seen.has(text)) return;
    seen.add(text);
    forms.push({ text, encoding });
  };
  add(value, 'raw');
  // Most secrets are letters, digits and `_-.`: every escaping form is then the value itself.
  const plain = PLAIN.test(value);

  if (!plain) {
    const json = JSON.stringify(value).slice(1, -1);
    add(json, 'json-escaped');
    add(json.replace(/\//g, '\\/'), 'json-escaped');
    add(json.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`), 'json-escaped');

    const component = encodeURIComponent(value);
    add(component, 'url-encoded');
    add(lowerEscapes(component), 'url-encoded');
    add(pythonQuote(value, '/'), 'url-encoded');
    add(component.replace(/%20/g, '+'), 'form-encoded');
    add(pythonQuote(value, '').replace(/%20/g, '+'), 'form-encoded');
    add(new URLSearchParams({ v: value }).toString().slice(2), 'form-encoded');
  }

  const bytes = Buffer.from(value, 'utf8');
  const base64 = bytes.toString('base64');
  add(base64, 'base64');
  add(base64.replace(/=+$/, ''), 'base64');
  add(bytes.toString('base64url'), 'base64url');
  for (const fragment of base64Fragments(bytes)) {
    if (fragment.length < MIN_BASE64_FRAGMENT) continue;
    add(fragment, 'base64');
    add(fragment.replace(/\+/g, '-').replace(/\//g, '_'), 'base64url');
  }
  const hex = bytes.toString('hex');
  add(hex, 'hex');
  add(hex.toUpperCase(), 'hex');

  if (!plain) {
    add(value.replace(/'/g, `'\\''`), 'shell-escaped');
    add(value.replace(/["\\$`]/g, '\\$&'), 'shell-escaped');
    add(value.replace(/[^A-Za-z0-9_\-.,:/@%+=]/g, '\\$&'), 'shell-escaped');
  }

  if (value.includes('\n')) {
    for (const line of value.split(/\r?\n/)) if (line.trim().length >= MIN_LINE_LENGTH) add(line, 'line');
  }
  return forms;
}

/** Characters that no escaping above changes. */
const PLAIN = /^[A-Za-z0-9_.-]*$/;

/**
 * The characters of the value's base64 that do not depend on the bytes around it, for each of the
 * three alignments it can have inside a longer encoded text.
 */
function base64Fragments(bytes: Buffer): string[] {
  const fragments: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // Character i carries bits [6i, 6i + 6); keep those that lie wholly inside the value's bits.
    const first = Math.ceil((8 * offset) / 6);
    const last = Math.floor((8 * (offset + bytes.length)) / 6);
    fragments.push(encoded.slice(first, last));
  }
  return fragments;
}

function lowerEscapes(encoded: string): string {
  return encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
}

/** Python's `urllib.parse.quote(value, safe)`: letters, digits and `_.-~` stay, plus `safe`. */
function pythonQuote(value: string, safe: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9_.\-~]/.test(char) || safe.includes(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
