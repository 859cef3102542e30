import { AgeError } from './age-error.js';
import { decodeBase64, encodeBase64 } from './base64.js';
import { hkdf, hmac } from './primitives.js';
import { timingSafeEqual } from 'node:crypto';

/**
 * The age v1 header (age.md, "Header"): a version line, one or more recipient stanzas, and a
 * MAC line. Parsing is strict and canonical, so the bytes the MAC covers are exactly the bytes a
 * re-encoding would produce.
 */
export const VERSION_LINE = 'age-encryption.org/v1';
const BODY_COLUMNS = 64;
const MAC_SIZE = 32;

/** One recipient stanza: `-> type args…` then its base64 body. */
export interface Stanza {
  type: string;
  args: string[];
  body: Buffer;
}

export interface ParsedHeader {
  stanzas: Stanza[];
  mac: Buffer;
  /** The header bytes up to and including `---`: what the MAC covers. */
  macInput: Buffer;
  /** Offset of the payload (just after the MAC line's newline). */
  payloadOffset: number;
}

// age.md: an argument is a non-empty string of VCHAR (%x21-7E).
const ARGUMENT = /^[\x21-\x7e]+$/;

function encodeStanza(stanza: Stanza): string {
  const body = encodeBase64(stanza.body);
  const lines: string[] = [];
  for (let i = 0; i <= body.length; i += BODY_COLUMNS) lines.push(body.slice(i, i + BODY_COLUMNS));
  // A body whose length is a multiple of 64 ends with an empty line, so the reader knows it ended.
  return `-> ${[stanza.type, ...stanza.args].join(' ')}\n${lines.join('\n')}\n`;
}

/** The header MAC key: HKDF-SHA256(file key, salt empty, info "header"). */
export function headerMac(fileKey: Uint8Array, macInput: Uint8Array): Buffer {
  return hmac(hkdf(fileKey, Buffer.alloc(0), 'header'), macInput);
}

/** Encodes a header with its MAC; returns the complete header bytes including the final newline. */
export function encodeHeader(stanzas: Stanza[], fileKey: Uint8Array): Buffer {
  for (const stanza of stanzas) {
    if (![stanza.type, ...stanza.args].every((arg) => ARGUMENT.test(arg))) throw new RangeError('age stanza arguments must be non-empty printable ASCII');
  }
  const macInput = Buffer.from(`${VERSION_LINE}\n${stanzas.map(encodeStanza).join('')}---`, 'latin1');
  return Buffer.concat([macInput, Buffer.from(` ${encodeBase64(headerMac(fileKey, macInput))}\n`, 'latin1')]);
}

/** Reads one LF-terminated line as latin1 starting at offset; throws when there is no newline. */
function readLine(bytes: Buffer, offset: number): { line: string; next: number } {
  const end = bytes.indexOf(0x0a, offset);
  if (end < 0) throw new AgeError('header', 'the file', 'header ends early');
  return { line: bytes.subarray(offset, end).toString('latin1'), next: end + 1 };
}

/** Parses and validates the header structure; the MAC is checked later, once a file key is known. */
export function parseHeader(bytes: Buffer): ParsedHeader {
  let { line, next } = readLine(bytes, 0);
  if (line !== VERSION_LINE) throw new AgeError('header', 'the file', 'not age v1');
  const stanzas: Stanza[] = [];
  for (;;) {
    const start = next;
    ({ line, next } = readLine(bytes, next));
    if (line.startsWith('---')) {
      if (stanzas.length === 0) throw new AgeError('header', 'the file', 'no recipients');
      const macText = line.slice(4);
      if (line[3] !== ' ' || macText.length !== 43) throw new AgeError('header', 'the file', 'bad MAC line');
      const mac = decodeBase64(macText, 'the file');
      if (mac.length !== MAC_SIZE) throw new AgeError('header', 'the file', 'bad MAC line');
      return { stanzas, mac, macInput: bytes.subarray(0, start + 3), payloadOffset: next };
    }
    if (!line.startsWith('-> ')) throw new AgeError('header', 'the file', 'expected a stanza');
    const args = line.slice(3).split(' ');
    if (!args.every((arg) => ARGUMENT.test(arg))) throw new AgeError('header', 'the file', 'bad stanza arguments');
    const chunks: Buffer[] = [];
    for (;;) {
      ({ line, next } = readLine(bytes, next));
      if (line.length > BODY_COLUMNS) throw new AgeError('header', 'the file', 'stanza body line too long');
      chunks.push(decodeBase64(line, 'the file'));
      if (line.length < BODY_COLUMNS) break;
    }
    const [type, ...rest] = args as [string, ...string[]];
    stanzas.push({ type, args: rest, body: Buffer.concat(chunks) });
  }
}

/** Constant-time check of the header MAC for a candidate file key. */
export function headerMacMatches(header: ParsedHeader, fileKey: Uint8Array): boolean {
  return timingSafeEqual(headerMac(fileKey, header.macInput), header.mac);
}
