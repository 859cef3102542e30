import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The blob id a path has in a git index file, read directly (gitformat-index(5), versions 2-4),
 * or undefined when it cannot be told this way: not found, a conflict stage, an unknown version,
 * a split or sparse index, a SHA-256 repository. Callers use it only to confirm a guess (the id
 * must equal `gitBlobId` of text they already hold) and ask git otherwise, so "undefined" is
 * always safe; it saves pre-commit a `git show` on every commit that changes `.env`.
 */
export function indexBlobId(indexFile: string, wanted: string): string | undefined {
  try {
    return findEntry(readFileSync(indexFile), wanted);
  } catch {
    return undefined;
  }
}

/** git's object id of a blob with this content (SHA-1, as `git hash-object` prints it). */
export function gitBlobId(text: string): string {
  const body = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${body.length}\0`).update(body).digest('hex');
}

function findEntry(index: Buffer, wanted: string): string | undefined {
  if (index.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = index.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = index.readUInt32BE(8);
  let offset = 12;
  let previous = '';
  for (let i = 0; i < count; i++) {
    // 40 bytes of stat data, the 20-byte object id, 16 bits of flags (+16 extended in v3+).
    const id = index.toString('hex', offset + 40, offset + 60);
    const flags = index.readUInt16BE(offset + 60);
    let at = offset + 62 + (version >= 3 && flags & 0x4000 ? 2 : 0);
    let name: string;
    if (version === 4) {
      // The path is the previous one minus N bytes, plus a NUL-terminated suffix.
      let byte = index[at++] as number;
      let strip = byte & 0x7f;
      while (byte & 0x80) {
        byte = index[at++] as number;
        strip = ((strip + 1) << 7) | (byte & 0x7f);
      }
      const end = index.indexOf(0, at);
      name = previous.slice(0, previous.length - strip) + index.toString('latin1', at, end);
      offset = end + 1;
    } else {
      const end = index.indexOf(0, at);
      name = index.toString('latin1', at, end);
      // Entries are padded with 1-8 NULs to a multiple of 8 bytes.
      offset += (end - offset + 8) & ~7;
    }
    previous = name;
    if (name === wanted) return (flags >> 12) & 3 ? undefined : id;
    if (name > wanted) return undefined; // entries are sorted by path bytes
    if (offset > index.length) return undefined;
  }
  return undefined;
}
