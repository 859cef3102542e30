/**
 * Token checksums for formats that carry one. GitHub's and npm's new token formats end in
 * six base62 characters holding the CRC32 of the random part before them
 * (https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/), so a match
 * that fails the checksum is a look-alike (a test fixture, a truncated copy), not a live token.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as zlib) of an ASCII string; implemented here because `zlib.crc32` needs Node 20.15. */
export function crc32(ascii: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < ascii.length; i++) crc = (crc >>> 8) ^ (CRC_TABLE[(crc ^ ascii.charCodeAt(i)) & 0xff] as number);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Base62 (0-9A-Za-z) of a 32-bit number, left-padded with `0` to six characters. */
export function base62Checksum(value: number): string {
  let out = '';
  let rest = value;
  do {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(6, '0');
}

/** True when the last six characters are the base62 CRC32 of the `payload` characters before them. */
export function hasBase62Crc32(payloadWithChecksum: string): boolean {
  if (payloadWithChecksum.length <= 6) return false;
  const payload = payloadWithChecksum.slice(0, -6);
  return base62Checksum(crc32(payload)) === payloadWithChecksum.slice(-6);
}

/** Appends the checksum to a payload: how tests build synthetic tokens that pass validation. */
export function withBase62Crc32(payload: string): string {
  return payload + base62Checksum(crc32(payload));
}
