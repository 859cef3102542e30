/**
 * The forms in which a program commonly prints a value it was given: as is, JSON-escaped,
 * URL-encoded (a password in a connection string), and base64 (HTTP Basic auth, Kubernetes
 * secrets, `echo $VALUE | base64`).
 */

/**
 * A base64 fragment shorter than this is not searched for: in a base64 stream the value may start
 * at any of three byte offsets, and a short fragment of one of those alignments would match by
 * chance inside unrelated hashes and images.
 */
export const MIN_BASE64_FRAGMENT = 8;

/** Lines of a multi-line value at least this long are also masked on their own (loggers prefix lines). */
export const MIN_LINE_LENGTH = 16;

/** Every form of `value` to search for, the value itself first, without duplicates. */
export function valueForms(value: string): string[] {
  const forms = new Set<string>([value]);
  const json = JSON.stringify(value).slice(1, -1);
  forms.add(json);
  // Python's json.dumps (ensure_ascii) and many loggers escape every non-ASCII character.
  forms.add(json.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));

  const url = encodeURIComponent(value);
  forms.add(url);
  forms.add(url.replace(/%20/g, '+'));
  forms.add(url.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));

  const bytes = Buffer.from(value, 'utf8');
  const base64 = bytes.toString('base64');
  forms.add(base64);
  forms.add(base64.replace(/=+$/, ''));
  forms.add(bytes.toString('base64url'));
  for (const fragment of base64Fragments(bytes)) {
    if (fragment.length >= MIN_BASE64_FRAGMENT) forms.add(fragment);
  }

  if (value.includes('\n')) {
    for (const line of value.split(/\r?\n/)) {
      if (line.trim().length >= MIN_LINE_LENGTH) forms.add(line);
    }
  }
  forms.delete('');
  return [...forms];
}

/**
 * The characters of the value's base64 that do not depend on the bytes around it, for each of the
 * three alignments it can have inside a longer encoded text (e.g. `user:password` in Basic auth),
 * in both the standard and the URL-safe alphabet.
 */
function base64Fragments(bytes: Buffer): string[] {
  const fragments: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // Character i carries bits [6i, 6i + 6); keep those that lie wholly inside the value's bits.
    const first = Math.ceil((8 * offset) / 6);
    const last = Math.floor((8 * (offset + bytes.length)) / 6);
    const fragment = encoded.slice(first, last);
    fragments.push(fragment, fragment.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return fragments;
}
