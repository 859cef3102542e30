import { createCipheriv, createDecipheriv, timingSafeEqual, type Cipher } from 'node:crypto';
import { FernetMac } from './fernet-mac.js';
import type { FernetKey } from './key.js';
import { BLOCK, decodeCanonical, decryptToken, encryptToken, HEADER_LENGTH, HMAC_LENGTH, padding, VERSION } from './fernet.js';

/**
 * Many Fernet tokens under one key at once, the same bytes as {@link encryptToken} and
 * {@link decryptToken} one by one. Creating a cipher costs more than the AES of a short value,
 * so the AES runs as AES-128-ECB over whole blocks of many tokens per call, with CBC's chaining
 * done here: decryption XORs each decrypted block with the ciphertext block before it (all
 * blocks in one call), encryption goes block position by position (the first blocks of every
 * token in one call, then the second ones...). Each token keeps its own IV and HMAC.
 */

/** Past this many blocks a token goes through the one-token path: its cipher's set-up is amortised. */
const LONG_BLOCKS = 64;
/** Blocks per AES call: large enough to amortise the call, small enough to stay in cache. */
const BATCH_BLOCKS = 64 * 1024;

/**
 * Verifies and decrypts each token; `undefined` where a token is invalid (encoding, MAC or
 * padding: which one is not said, as with {@link decryptToken}).
 */
export function decryptTokens(key: FernetKey, tokens: readonly string[]): Array<Buffer | undefined> {
  const out: Array<Buffer | undefined> = new Array<Buffer | undefined>(tokens.length).fill(undefined);
  // Verified tokens waiting for their AES, and how many ciphertext blocks they hold.
  let pending: Array<{ index: number; data: Buffer }> = [];
  let blocks = 0;
  const mac = new FernetMac(key.signingKey);
  const flush = () => {
    decryptBatch(key, pending, out);
    pending = [];
    blocks = 0;
  };
  for (const [index, token] of tokens.entries()) {
    const data = verified(mac, token);
    if (data === undefined) continue;
    const count = (data.length - HEADER_LENGTH - HMAC_LENGTH) / BLOCK;
    if (count > LONG_BLOCKS) {
      out[index] = decryptLong(key, token);
      continue;
    }
    pending.push({ index, data });
    blocks += count;
    if (blocks >= BATCH_BLOCKS) flush();
  }
  if (pending.length > 0) flush();
  return out;
}

/** A long token through the one-token path; undefined when invalid (its padding, the MAC being right). */
function decryptLong(key: FernetKey, token: string): Buffer | undefined {
  try {
    return decryptToken(key, token).plaintext;
  } catch {
    return undefined;
  }
}

/** The token's bytes when its encoding, version, length and HMAC are right. */
function verified(mac: FernetMac, token: string): Buffer | undefined {
  const data = decodeCanonical(token);
  if (data === undefined || data.length < HEADER_LENGTH + BLOCK + HMAC_LENGTH || data[0] !== VERSION) return undefined;
  if ((data.length - HEADER_LENGTH - HMAC_LENGTH) % BLOCK !== 0) return undefined;
  const expected = mac.of(data.subarray(0, data.length - HMAC_LENGTH));
  return timingSafeEqual(expected, data.subarray(data.length - HMAC_LENGTH)) ? data : undefined;
}

function decryptBatch(key: FernetKey, pending: ReadonlyArray<{ index: number; data: Buffer }>, out: Array<Buffer | undefined>): void {
  const ciphertext = Buffer.concat(pending.map(({ data }) => data.subarray(HEADER_LENGTH, data.length - HMAC_LENGTH)));
  const decipher = createDecipheriv('aes-128-ecb', key.encryptionKey, null).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  let at = 0;
  for (const { index, data } of pending) {
    const length = data.length - HEADER_LENGTH - HMAC_LENGTH;
    // CBC: each plaintext block is the block cipher's output XOR the ciphertext block before it,
    // the IV for the first; the IV sits right before the ciphertext, so that is always 16 bytes back.
    for (let i = 0; i < length; i++) plain[at + i] = (plain[at + i] as number) ^ (data[HEADER_LENGTH - BLOCK + i] as number);
    const pad = plain[at + length - 1] as number;
    let valid = pad >= 1 && pad <= BLOCK;
    for (let i = 1; valid && i <= pad; i++) valid = plain[at + length - i] === pad;
    if (valid) out[index] = Buffer.from(plain.subarray(at, at + length - pad));
    at += length;
  }
}

/** Encrypts each plaintext into a token with its own IV: token i's is bytes 16i..16i+15 of one `random(16 × count)`. */
export function encryptTokens(key: FernetKey, plaintexts: readonly Uint8Array[], options: { now: number; random: (size: number) => Buffer }): string[] {
  // All IVs in one draw: a CSPRNG call per 16 bytes cost more than the AES of a short value.
  const drawn = plaintexts.length === 0 ? Buffer.alloc(0) : options.random(BLOCK * plaintexts.length);
  if (drawn.length !== BLOCK * plaintexts.length) throw new RangeError('the random source returned the wrong number of bytes');
  const ivs = plaintexts.map((_, index) => drawn.subarray(index * BLOCK, index * BLOCK + BLOCK));
  const out: string[] = new Array<string>(plaintexts.length).fill('');
  const short: number[] = [];
  for (const [index, plaintext] of plaintexts.entries()) {
    if (Math.floor(plaintext.length / BLOCK) + 1 > LONG_BLOCKS) out[index] = encryptToken(key, plaintext, { now: options.now, iv: ivs[index] as Buffer });
    else short.push(index);
  }
  const cipher = createCipheriv('aes-128-ecb', key.encryptionKey, null).setAutoPadding(false);
  for (let from = 0; from < short.length; ) {
    let to = from;
    for (let blocks = 0; to < short.length && blocks < BATCH_BLOCKS; to++) blocks += Math.floor((plaintexts[short[to] as number] as Uint8Array).length / BLOCK) + 1;
    encryptBatch(key, cipher, short.slice(from, to), plaintexts, ivs, options.now, out);
    from = to;
  }
  cipher.final();
  return out;
}

function encryptBatch(key: FernetKey, cipher: Cipher, indexes: readonly number[], plaintexts: readonly Uint8Array[], ivs: readonly Buffer[], now: number, out: string[]): void {
  // Each token's bytes as the spec lays them out; the ciphertext goes between header and HMAC.
  const header = Buffer.alloc(9);
  header[0] = VERSION;
  header.writeBigUInt64BE(BigInt(Math.floor(now)), 1);
  const tokens = indexes.map((index) => {
    const plaintext = plaintexts[index] as Uint8Array;
    const blocks = Math.floor(plaintext.length / BLOCK) + 1;
    // Every byte is written below (header, plaintext and padding then ciphertext, HMAC): no zero-fill needed.
    const bytes = Buffer.allocUnsafe(HEADER_LENGTH + blocks * BLOCK + HMAC_LENGTH);
    header.copy(bytes, 0);
    (ivs[index] as Buffer).copy(bytes, 9);
    // PKCS#7: the plaintext, then `pad` bytes of value `pad` (a whole block when it is aligned).
    bytes.set(plaintext, HEADER_LENGTH);
    const pad = blocks * BLOCK - plaintext.length;
    for (let at = HEADER_LENGTH + plaintext.length; at < HEADER_LENGTH + blocks * BLOCK; at++) bytes[at] = pad;
    return { index, bytes, blocks };
  });
  // Position by position: block j of every token still that long, XORed with its block j-1 (the IV first), in one call.
  let active = tokens;
  for (let j = 0; active.length > 0; j++) {
    const input = Buffer.allocUnsafe(active.length * BLOCK);
    for (const [slot, { bytes }] of active.entries()) {
      const at = HEADER_LENGTH + j * BLOCK;
      for (let i = 0; i < BLOCK; i++) input[slot * BLOCK + i] = (bytes[at + i] as number) ^ (bytes[at - BLOCK + i] as number);
    }
    const encrypted = cipher.update(input);
    for (const [slot, { bytes }] of active.entries()) encrypted.copy(bytes, HEADER_LENGTH + j * BLOCK, slot * BLOCK, slot * BLOCK + BLOCK);
    active = active.filter(({ blocks }) => blocks > j + 1);
  }
  const mac = new FernetMac(key.signingKey);
  for (const { index, bytes } of tokens) {
    const signedLength = bytes.length - HMAC_LENGTH;
    mac.of(bytes.subarray(0, signedLength)).copy(bytes, signedLength);
    out[index] = bytes.toString('base64url') + padding(bytes.length);
  }
}
