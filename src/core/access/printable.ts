/**
 * Text from a grant or a ledger entry, made safe to print: C0 and C1 control characters (terminal
 * escapes, newlines that would fake a second line) are dropped. DESIGN.md: control characters
 * from a file are never quoted to a user.
 */
export function printable(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) continue;
    out += char;
  }
  return out;
}
