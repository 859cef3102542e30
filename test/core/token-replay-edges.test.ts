import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encryptWhole, HEADER_NOTES, parseEncryptedFile } from '../../src/core/encrypted-file.js';
import { encryptToken } from '../../src/core/fernet.js';
import { generateKey, shortKeyId } from '../../src/core/key.js';
import { findReplayedTokens } from '../../src/core/token-replay.js';

const key = generateKey(randomBytes);
const token = (plaintext: string, now: number) => encryptToken(key, Buffer.from(plaintext), { now, iv: randomBytes(16) });
const file = (...lines: string[]) => parseEncryptedFile(`# envguard:v2 key=${shortKeyId(key)} ${HEADER_NOTES[2]}\n${lines.join('\n')}\n`, '.env.encrypted');
const whole = (now: number) => parseEncryptedFile(encryptWhole('A=1\n', key, { now, random: randomBytes }), '.env.encrypted');

/** Token replay at the edges: a name defined twice, the same second, whole-file tokens on both sides. */
describe('findReplayedTokens edges', () => {
  it('a fresh-looking token older than the newest of a name defined twice is a replay', () => {
    const base = file(`A=fernet:${token('A=x\n', 3000)}`, `A=fernet:${token('A=y\n', 1000)}`);
    const incoming = file(`A=fernet:${token('A=x\n', 3000)}`, `A=fernet:${token('A=z\n', 2000)}`);
    expect(findReplayedTokens(base, incoming)).toEqual([{ name: 'A', line: 3, incomingTime: 2000, baseTime: 3000 }]);
  });

  it('a whole-file token made in the same second as the newest token it replaces is not a replay', () => {
    expect(findReplayedTokens(file(`A=fernet:${token('A=1\n', 2000)}`), whole(2000))).toEqual([]);
    expect(findReplayedTokens(file(`A=fernet:${token('A=1\n', 2000)}`), whole(1999))).toEqual([{ name: '*', line: 1, incomingTime: 1999, baseTime: 2000 }]);
  });

  it('an older whole-file token over a whole-file token is one replay', () => {
    expect(findReplayedTokens(whole(2000), whole(1000))).toEqual([{ name: '*', line: 1, incomingTime: 1000, baseTime: 2000 }]);
  });
});
