import { AgeError } from './age-error.js';
import { TAG_SIZE, hkdf, open, seal } from './primitives.js';

/**
 * The age payload (age.md, "Payload"): a 16-byte nonce, then STREAM (Hoang, Reyhanitabar,
 * Rogaway, Vizár 2015) over ChaCha20-Poly1305 in 64 KiB chunks. Each chunk's 12-byte nonce is an
 * 11-byte big-endian counter and a last-chunk flag, so reordering, truncation and appending are
 * all detected. The payload key is HKDF-SHA256(file key, salt nonce, info "payload").
 */
export const CHUNK_SIZE = 64 * 1024;
export const NONCE_SIZE = 16;
const SEALED_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE;

function chunkNonce(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  // Counters stay far below 2^53 (that would be a 2^69-byte file), so a double holds them exactly.
  nonce.writeUIntBE(Math.floor(counter / 2 ** 32), 5, 2);
  nonce.writeUInt32BE(counter % 2 ** 32, 7);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** Encrypts a payload: nonce then sealed chunks. An empty payload is one empty last chunk. */
export function encryptPayload(fileKey: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array): Buffer {
  if (nonce.length !== NONCE_SIZE) throw new RangeError('age payload nonce must be 16 bytes');
  const key = hkdf(fileKey, nonce, 'payload');
  const parts: Buffer[] = [Buffer.from(nonce)];
  const chunks = Math.max(1, Math.ceil(plaintext.length / CHUNK_SIZE));
  for (let i = 0; i < chunks; i++) {
    parts.push(seal(key, chunkNonce(i, i === chunks - 1), plaintext.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE)));
  }
  return Buffer.concat(parts);
}

/**
 * Decrypts a payload chunk by chunk, yielding each verified chunk. A caller that collects
 * everything sees either the whole plaintext or an AgeError; a streaming caller sees only
 * authenticated chunks before the error (what the CCTV payload hashes count).
 */
export function* decryptPayload(fileKey: Uint8Array, payload: Buffer): Generator<Buffer, void, undefined> {
  if (payload.length < NONCE_SIZE) throw new AgeError('header', 'the file', 'payload nonce missing');
  const key = hkdf(fileKey, payload.subarray(0, NONCE_SIZE), 'payload');
  let offset = NONCE_SIZE;
  if (offset === payload.length) throw new AgeError('payload', 'the file', 'no chunks');
  for (let counter = 0; offset < payload.length; counter++) {
    const remaining = payload.length - offset;
    const end = offset + Math.min(remaining, SEALED_CHUNK_SIZE);
    const sealed = payload.subarray(offset, end);
    // A full-size chunk is a middle chunk unless it opens only as the last one. Whatever
    // authenticates is released before a structural error (missing or early end), as age does.
    const middle = remaining >= SEALED_CHUNK_SIZE ? open(key, chunkNonce(counter, false), sealed) : undefined;
    if (middle) {
      yield middle;
      if (end === payload.length) throw new AgeError('payload', 'the file', 'last chunk missing');
    } else {
      const last = open(key, chunkNonce(counter, true), sealed);
      if (!last) throw new AgeError('payload', 'the file');
      if (last.length === 0 && counter > 0) throw new AgeError('payload', 'the file', 'empty last chunk');
      yield last;
      if (end !== payload.length) throw new AgeError('payload', 'the file', 'data after the last chunk');
    }
    offset = end;
  }
}
