import { decryptToken, encryptToken } from './fernet.js';
import { decodeUtf8Strict } from './text/utf8.js';
import { shortKeyId, type FernetKey } from './key.js';
import type { EnvDocument } from './dotenv/types.js';
import { FORMAT_VERSION, HEADER_NOTES, TRAILER_MARK, type EncryptedFile } from './encrypted-file-types.js';

export interface EncryptOptions {
  /** Seconds since the epoch for new tokens. */
  now: number;
  random: (size: number) => Buffer;
  /** The current encrypted file(s): tokens whose plaintext is unchanged are kept (stable ciphertext). */
  previous?: EncryptedFile | readonly EncryptedFile[];
}

/**
 * Encrypts a parsed `.env` into format v2, reusing unchanged tokens from `previous`. Each entry's
 * token holds the comment and blank lines directly above it, so nothing but names is in clear;
 * comments after the last entry get a `#=fernet:` line of their own.
 */
export function encryptDocument(doc: EnvDocument, key: FernetKey, options: EncryptOptions): string {
  const reusable = reusableTokens(options.previous, key);
  const tokenFor = (plaintext: string) =>
    reusable.get(plaintext)?.shift() ?? encryptToken(key, Buffer.from(plaintext, 'utf8'), { now: options.now, iv: options.random(16) });
  let out = `# envguard:v${FORMAT_VERSION} key=${shortKeyId(key)}${doc.bom ? ' bom' : ''} ${HEADER_NOTES[FORMAT_VERSION]}\n`;
  let above = '';
  for (const node of doc.nodes) {
    if (node.kind !== 'entry') {
      above += node.source + node.newline;
      continue;
    }
    out += `${node.name}=fernet:${tokenFor(above + node.source + node.newline)}\n`;
    above = '';
  }
  if (above !== '') out += `${TRAILER_MARK}=fernet:${tokenFor(above)}\n`;
  return out;
}

/** Encrypts the whole `.env` as one token: the legacy form the Python system wrote. */
export function encryptWhole(plaintext: string, key: FernetKey, options: Omit<EncryptOptions, 'previous'>): string {
  return `${encryptToken(key, Buffer.from(plaintext, 'utf8'), { now: options.now, iv: options.random(16) })}\n`;
}

/**
 * plaintext → tokens that decrypt to it under `key`; each is used once, so duplicate entries keep
 * distinct tokens. A v1 file's entry tokens hold no comments, so an entry with nothing above it
 * keeps its token when the file moves to v2.
 */
function reusableTokens(previous: EncryptedFile | readonly EncryptedFile[] | undefined, key: FernetKey): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const files: readonly EncryptedFile[] = previous === undefined ? [] : Array.isArray(previous) ? previous : [previous as EncryptedFile];
  for (const file of files) {
    if (file.format !== 'values' || file.keyId !== shortKeyId(key)) continue;
    for (const line of file.lines) {
      if (line.kind === 'trivia') continue;
      let plaintext: string;
      try {
        plaintext = decodeUtf8Strict(decryptToken(key, line.token).plaintext, 'the previous file'); // its message is never shown
      } catch {
        continue; // a damaged token is simply not reused; the new file gets a fresh one
      }
      const list = map.get(plaintext) ?? [];
      if (!list.includes(line.token)) list.push(line.token);
      map.set(plaintext, list);
    }
  }
  return map;
}
