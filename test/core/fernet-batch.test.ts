import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptToken, encryptToken } from '../../src/core/fernet.js';
import { decryptTokens, encryptTokens } from '../../src/core/fernet-batch.js';
import { generateKey, parseKey, type FernetKey } from '../../src/core/key.js';
import { readVectors } from '../helpers/spec-vectors.js';

const key = generateKey(randomBytes);
const NOW = 1_700_000_000;

/** A random source that hands out the given IVs, in order, in the one draw encryptTokens makes. */
const ivSource = (ivs: readonly Uint8Array[]) => (size: number) => {
  expect(size).toBe(16 * ivs.length);
  return Buffer.concat(ivs);
};

/** A token with a valid HMAC over a ciphertext whose padding is wrong (the MAC alone would pass it). */
function badPaddingToken(k: FernetKey, lastByte: number, blocks = 2): string {
  const iv = randomBytes(16);
  const block = Buffer.alloc(16 * blocks, 7);
  block[block.length - 1] = lastByte;
  const cipher = createCipheriv('aes-128-cbc', k.encryptionKey, iv).setAutoPadding(false);
  const header = Buffer.alloc(25);
  header[0] = 0x80;
  header.writeBigUInt64BE(BigInt(NOW), 1);
  iv.copy(header, 9);
  const signed = Buffer.concat([header, cipher.update(block), cipher.final()]);
  return `${Buffer.concat([signed, createHmac('sha256', k.signingKey).update(signed).digest()]).toString('base64url')}==`;
}

describe('batched Fernet', () => {
  it('produces the spec vectors, token for token', () => {
    for (const v of readVectors('generate')) {
      const [token] = encryptTokens(parseKey(v.secret), [Buffer.from(v.src!)], { now: Math.floor(Date.parse(v.now) / 1000), random: ivSource([Buffer.from(v.iv!)]) });
      expect(token).toBe(v.token);
    }
    for (const v of readVectors('verify')) expect(decryptTokens(parseKey(v.secret), [v.token])[0]?.toString()).toBe(v.src);
  });

  it('rejects every invalid spec vector that is invalid without a TTL', () => {
    for (const v of readVectors('invalid')) {
      const k = parseKey(v.secret);
      let single: Buffer | undefined;
      try {
        single = decryptToken(k, v.token).plaintext;
      } catch {
        single = undefined;
      }
      expect(decryptTokens(k, [v.token])[0], v.desc).toEqual(single);
    }
  });

  it('equals one-by-one encryption and decryption for any plaintexts, short and long, in one batch', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 1200 }), { maxLength: 30 }), (plaintexts) => {
        const ivs = plaintexts.map(() => randomBytes(16));
        const batched = encryptTokens(key, plaintexts, { now: NOW, random: ivSource(ivs) });
        expect(batched).toEqual(plaintexts.map((p, i) => encryptToken(key, p, { now: NOW, iv: ivs[i] as Buffer })));
        expect(decryptTokens(key, batched).map((b) => b?.toString('hex'))).toEqual(plaintexts.map((p) => Buffer.from(p).toString('hex')));
      }),
      { numRuns: 200 },
    );
  });

  it('marks only the bad tokens of a batch: another key, a flipped byte, bad padding under a valid MAC', () => {
    const good = encryptTokens(key, [Buffer.from('A=1\n'), Buffer.from('B=2\n'), Buffer.from('x'.repeat(40))], { now: NOW, random: randomBytes });
    const other = encryptToken(generateKey(randomBytes), Buffer.from('C=3\n'), { now: NOW, iv: randomBytes(16) });
    const flipped = `${(good[1] as string).slice(0, 40)}${(good[1] as string)[40] === 'A' ? 'B' : 'A'}${(good[1] as string).slice(41)}`;
    // The last one is long (100 blocks): it takes the one-token path, which must not throw either.
    const tokens = [good[0] as string, other, flipped, badPaddingToken(key, 0), badPaddingToken(key, 17), badPaddingToken(key, 3), good[2] as string, 'not a token', badPaddingToken(key, 0, 100)];
    const out = decryptTokens(key, tokens).map((b) => b?.toString());
    expect(out).toEqual(['A=1\n', undefined, undefined, undefined, undefined, undefined, 'x'.repeat(40), undefined, undefined]);
  });

  it('batches past one AES call (many tokens) and keeps their order', () => {
    const plaintexts = Array.from({ length: 30_000 }, (_, i) => Buffer.from(`VAR_${i}=${'v'.repeat(i % 50)}\n`));
    const tokens = encryptTokens(key, plaintexts, { now: NOW, random: randomBytes });
    const out = decryptTokens(key, tokens);
    for (const [i, p] of plaintexts.entries()) if (!out[i]?.equals(p)) throw new Error(`token ${i} differs`);
    expect(decryptToken(key, tokens[29_999] as string).plaintext.equals(plaintexts[29_999] as Buffer)).toBe(true);
  });
});
