import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import * as cctv from 'cctv-age';
import { describe, expect, it } from 'vitest';
import { AgeError, ageDecryptChunks, armor, dearmor, isArmored, parseIdentities, type AgeFailure } from '../../../src/core/age/index.js';
import { encodeHeader, parseHeader } from '../../../src/core/age/header.js';
import { encryptPayload } from '../../../src/core/age/stream.js';

/**
 * The C2SP CCTV age vectors (npm cctv-age). Each is a small text header, a blank line, and an age
 * file. Every vector runs except two kinds envguard does not implement, skipped by content:
 * scrypt (passphrase) recipients and the post-quantum hybrid (mlkem768x25519) type.
 */
interface Vector {
  name: string;
  expect: string;
  payload?: string;
  fileKey?: string;
  armored: boolean;
  identities: string[];
  passphrases: string[];
  file: Buffer;
}

const EXPECT_TO_FAILURE: Record<string, AgeFailure | 'success'> = {
  success: 'success',
  'armor failure': 'armor',
  'header failure': 'header',
  'no match': 'no-match',
  'HMAC failure': 'hmac',
  'payload failure': 'payload',
};

function readVector(name: string, bytes: Uint8Array): Vector {
  const all = Buffer.from(bytes);
  const split = all.indexOf('\n\n');
  const vector: Vector = { name, expect: '', identities: [], passphrases: [], armored: false, file: all.subarray(split + 2) };
  let compressed = false;
  for (const line of all.subarray(0, split).toString('utf8').split('\n')) {
    const [key, value] = [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)];
    if (key === 'expect') vector.expect = value;
    if (key === 'payload') vector.payload = value;
    if (key === 'file key') vector.fileKey = value;
    if (key === 'armored') vector.armored = value === 'yes';
    if (key === 'identity') vector.identities.push(value);
    if (key === 'passphrase') vector.passphrases.push(value);
    if (key === 'compressed') compressed = value === 'zlib';
  }
  if (compressed) vector.file = inflateSync(vector.file);
  return vector;
}

const vectors = Object.entries(cctv as unknown as Record<string, Uint8Array>)
  .filter(([name]) => name !== 'default')
  .map(([name, bytes]) => readVector(name, bytes));

function skipReason(vector: Vector): string | undefined {
  if (vector.passphrases.length > 0) return 'scrypt';
  if (vector.identities.some((identity) => identity.startsWith('AGE-SECRET-KEY-PQ-'))) return 'post-quantum';
  return undefined;
}

const run = vectors.filter((vector) => !skipReason(vector));
const skipped = vectors.filter((vector) => skipReason(vector));

function open(vector: Vector): { outcome: AgeFailure | 'success'; released: Buffer } {
  const chunks: Buffer[] = [];
  try {
    const identities = vector.identities.flatMap((text) => parseIdentities(text, 'vector identity'));
    for (const chunk of ageDecryptChunks(vector.file, identities)) chunks.push(chunk);
    return { outcome: 'success', released: Buffer.concat(chunks) };
  } catch (error) {
    if (!(error instanceof AgeError)) throw error;
    return { outcome: error.failure, released: Buffer.concat(chunks) };
  }
}

describe('C2SP CCTV age vectors', () => {
  it('skips exactly the scrypt (26) and post-quantum hybrid (19) vectors, and runs the other 98', () => {
    const byKind = (kind: string) => skipped.filter((vector) => skipReason(vector) === kind).map((vector) => vector.name);
    expect(byKind('scrypt')).toEqual(vectors.filter((v) => /^(armor_)?scrypt/.test(v.name)).map((v) => v.name));
    expect(byKind('post-quantum')).toEqual(vectors.filter((v) => /^(armor_)?hybrid/.test(v.name)).map((v) => v.name));
    expect([byKind('scrypt').length, byKind('post-quantum').length, run.length]).toEqual([26, 19, 98]);
    for (const kind of ['armor', 'x25519', 'stanza', 'hmac', 'stream', 'header']) {
      expect(run.some((vector) => vector.name.startsWith(kind))).toBe(true);
    }
  });

  it.each(run.map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
    const wanted = EXPECT_TO_FAILURE[vector.expect];
    expect(wanted, `unknown expect "${vector.expect}"`).toBeDefined();
    const { outcome, released } = open(vector);
    expect(outcome).toBe(wanted);
    // Success and payload failures both name the hash of every byte released to the caller.
    if (vector.payload !== undefined && (outcome === 'success' || outcome === 'payload')) {
      expect(createHash('sha256').update(released).digest('hex')).toBe(vector.payload);
    } else {
      expect(released.length).toBe(0);
    }
  });

  // The encrypt direction, as the vectors' README suggests: whatever decrypts must re-encode to
  // the same bytes (header with its MAC, STREAM chunks, armor up to CRLF and outer whitespace).
  const successes = run.filter((vector) => vector.expect === 'success');

  it.each(successes.map((vector) => [vector.name, vector] as const))('%s re-encodes byte for byte', (_name, vector) => {
    const binary = isArmored(vector.file) ? dearmor(vector.file) : vector.file;
    if (vector.armored) {
      const normalised = vector.file.toString('latin1').trim().replace(/\r\n/g, '\n') + '\n';
      expect(armor(binary)).toBe(normalised);
    }
    const header = parseHeader(binary);
    const fileKey = Buffer.from(vector.fileKey as string, 'hex');
    expect(encodeHeader(header.stanzas, fileKey).equals(binary.subarray(0, header.payloadOffset))).toBe(true);
    const payload = binary.subarray(header.payloadOffset);
    const plaintext = Buffer.concat([...ageDecryptChunks(vector.file, vector.identities.flatMap((text) => parseIdentities(text, 'vector identity')))]);
    expect(encryptPayload(fileKey, payload.subarray(0, 16), plaintext).equals(payload)).toBe(true);
  });
});
