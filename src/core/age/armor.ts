import { AgeError } from './age-error.js';

/**
 * age's ASCII armor (age.md, "ASCII armor"): strict PEM with the label AGE ENCRYPTED FILE,
 * padded standard base64 in 64-column lines, the last line shorter or full but never empty, no
 * headers and no checksum. The only slack is what the spec allows: CRLF line endings and
 * whitespace before the begin line and after the end line.
 */
export const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
export const ARMOR_END = '-----END AGE ENCRYPTED FILE-----';
const COLUMNS = 64;
const LINE = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Whether bytes are to be read as armor. A binary age file starts with its version line, so
 * anything else (including a damaged begin line) goes to the strict armor decoder and fails there.
 */
export function isArmored(bytes: Uint8Array): boolean {
  return bytes.length > 0 && !Buffer.from(bytes.subarray(0, 19)).equals(Buffer.from('age-encryption.org/', 'latin1'));
}

/** Armors binary age bytes with LF line endings. */
export function armor(bytes: Uint8Array): string {
  const base64 = Buffer.from(bytes).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < base64.length; i += COLUMNS) lines.push(base64.slice(i, i + COLUMNS));
  return `${ARMOR_BEGIN}\n${lines.join('\n')}${lines.length > 0 ? '\n' : ''}${ARMOR_END}\n`;
}

/** Removes the armor; throws an armor failure for anything the spec does not allow. */
export function dearmor(bytes: Uint8Array): Buffer {
  const text = Buffer.from(bytes).toString('latin1').replace(/^[ \t\r\n]+/, '').replace(/[ \t\r\n]+$/, '');
  const fail = (detail: string): never => {
    throw new AgeError('armor', 'the file', detail);
  };
  const crlf = text.includes('\r\n');
  const lines = text.split(crlf ? '\r\n' : '\n');
  if (lines[0] !== ARMOR_BEGIN) fail('bad begin line');
  if (lines.length < 2 || lines[lines.length - 1] !== ARMOR_END) fail('missing end line');
  const body = lines.slice(1, -1);
  body.forEach((line, index) => {
    const isLast = index === body.length - 1;
    if (!LINE.test(line)) fail('bad character');
    if (line.length > COLUMNS) fail('line too long');
    if (!isLast && (line.length < COLUMNS || line.includes('='))) fail('short line before the end');
    if (isLast && line.length === 0) fail('empty last line');
  });
  const base64 = body.join('');
  if (base64.length % 4 !== 0) fail('bad padding');
  const decoded = Buffer.from(base64, 'base64');
  if (decoded.toString('base64') !== base64) fail('non-canonical base64');
  return decoded;
}
