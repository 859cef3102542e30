import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/core/dotenv/parse.js';
import { encryptDocument, encryptWhole, parseEncryptedFile } from '../../src/core/encrypted-file.js';
import { generateKey } from '../../src/core/key.js';
import { findReplayedTokens } from '../../src/core/token-replay.js';

const key = generateKey(randomBytes);
const at = (now: number, text: string, previous?: string) =>
  encryptDocument(parseDotenv(text), key, { now, random: randomBytes, previous: previous === undefined ? undefined : parseEncryptedFile(previous, 'f') });
const parse = (text: string) => parseEncryptedFile(text, '.env.encrypted');
const lineOf = (text: string, name: string) => text.split('\n').find((line) => line.startsWith(`${name}=`))!;

describe('findReplayedTokens (issue 15 item 3)', () => {
  const v1 = at(1000, 'DB_PASSWORD=old\nAPI=1\n');
  const v2 = at(2000, 'DB_PASSWORD=new\nAPI=1\n', v1);

  it('finds an old token pasted back, and names the variable, line and times', () => {
    const replayed = v2.replace(lineOf(v2, 'DB_PASSWORD'), lineOf(v1, 'DB_PASSWORD'));
    expect(findReplayedTokens(parse(v2), parse(replayed))).toEqual([{ name: 'DB_PASSWORD', line: 2, incomingTime: 1000, baseTime: 2000 }]);
  });

  it('accepts unchanged tokens, fresh tokens (even within the same second) and new names', () => {
    expect(findReplayedTokens(parse(v1), parse(v2))).toEqual([]);
    expect(findReplayedTokens(parse(v2), parse(at(2000, 'DB_PASSWORD=newer\nAPI=1\nNEW=x\n', v2)))).toEqual([]);
    expect(findReplayedTokens(parse(v2), parse(v2))).toEqual([]);
  });

  it('with a name defined twice, swapping the two lines (a value change with no new token) is caught', () => {
    const first = at(1000, 'A=x\nA=y\n');
    // The first A was re-encrypted later than the second: its token is the newest of the two.
    const base = at(3000, 'A=x2\nA=y\n', first);
    const lines = base.split('\n');
    const swapped = [lines[0], lines[2], lines[1], ''].join('\n');
    expect(findReplayedTokens(parse(base), parse(swapped))).toMatchObject([{ name: 'A', line: 3 }]);
  });

  it('a legacy whole-file token older than the tokens it replaces is caught, a fresh one is not', () => {
    const old = encryptWhole('DB_PASSWORD=old\nAPI=1\n', key, { now: 500, random: randomBytes });
    expect(findReplayedTokens(parse(v2), parse(old))).toMatchObject([{ name: '*', incomingTime: 500, baseTime: 2000 }]);
    expect(findReplayedTokens(parse(v2), parse(encryptWhole('X=1\n', key, { now: 2500, random: randomBytes })))).toEqual([]);
    expect(findReplayedTokens(parse(old), parse(v1))).toEqual([]);
    expect(findReplayedTokens(parse(encryptWhole('A=1\n', key, { now: 5000, random: randomBytes })), parse(v1))).toMatchObject([{ name: 'DB_PASSWORD' }, { name: 'API' }]);
  });
});
