import { EnvguardError } from '../../errors.js';

/**
 * Bytes, not characters (DESIGN.md, Encrypted file): text that is not valid UTF-8 would come
 * back from Node's lenient decoder with U+FFFD in place of its bytes, and the next encryption
 * would commit that silent change. A strict decode refuses instead, naming the line.
 */

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes UTF-8 exactly, or throws `FORMAT_INVALID` naming `fileName:line` of the first byte
 * that is not UTF-8. Never quotes the bytes (they may be part of a secret).
 *
 * @param firstLine the line `bytes` starts on, for the message
 */
export function decodeUtf8Strict(bytes: Uint8Array, fileName: string, firstLine = 1): string {
  try {
    return decoder.decode(bytes);
  } catch {
    const line = firstLine + countNewlines(bytes, firstInvalidByte(bytes));
    throw new EnvguardError('FORMAT_INVALID', `${fileName}:${line}: not valid UTF-8 (envguard keeps bytes exactly, so it will not guess an encoding)`, {
      hint: `save ${fileName} as UTF-8 in your editor (or convert it with \`iconv -f latin1 -t utf-8\`), then run the command again`,
    });
  }
}

/** Offset of the first byte where a lenient decode stops matching the input. */
function firstInvalidByte(bytes: Uint8Array): number {
  const lossy = Buffer.from(Buffer.from(bytes).toString('utf8'), 'utf8');
  let index = 0;
  while (index < bytes.length && index < lossy.length && bytes[index] === lossy[index]) index++;
  return index;
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let index = 0; index < end; index++) if (bytes[index] === 0x0a) count++;
  return count;
}
