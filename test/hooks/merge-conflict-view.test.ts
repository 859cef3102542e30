import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/core/dotenv/parse.js';
import { encryptDocument } from '../../src/core/encrypted-file.js';
import { formatKey, generateKey } from '../../src/core/key.js';
import { mergeDriver } from '../../src/hooks/merge-driver.js';
import { defaultContext } from '../../src/ops/context.js';
import { encryptEnvFile } from '../../src/ops/encrypt.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const tokens = (text: string) => text.split('\n').filter((line) => line.includes('=fernet:'));

// issue 16.10: resolving a same-variable conflict moved the variable to the end of .env, and
// `envguard encrypt` then re-encrypted every line.
describe('a same-variable conflict', () => {
  it('is shown where the variable was, and encrypting the resolution keeps every unchanged token', () => {
    // The merge driver runs inside a repository (it keeps what restores .env after an abort).
    repo = createTempRepo();
    repo.git('commit', '-q', '--allow-empty', '-m', 'start');
    const dir = repo.dir;
    const key = generateKey(randomBytes);
    const ctx = defaultContext({ cwd: dir, root: dir, env: { ...repo.env, ENVGUARD_KEY: formatKey(key) } });
    const write = (name: string, plaintext: string) => {
      const text = encryptDocument(parseDotenv(plaintext, '.env'), key, { now: 1_700_000_000, random: randomBytes });
      writeFileSync(path.join(dir, name), text);
      return text;
    };
    write('base', 'A=one\nB=base-b\nC=three\n');
    const ours = write('ours', 'A=one\nB=ours-b\nC=three\n');
    const theirs = write('theirs', 'A=one\nB=theirs-b\nC=three\n');
    writeFileSync(path.join(dir, '.env'), 'A=one\nB=ours-b\nC=three\n');
    const lines: string[] = [];
    const io = { say: (l: string) => lines.push(l), warn: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    expect(mergeDriver(ctx, io, [path.join(dir, 'base'), path.join(dir, 'ours'), path.join(dir, 'theirs'), '.env.encrypted'])).toBe(1);
    expect(readFileSync(path.join(dir, '.env'), 'utf8')).toBe('A=one\n<<<<<<< ours\nB=ours-b\n=======\nB=theirs-b\n>>>>>>> theirs\nC=three\n');

    // git leaves the driver's result (with markers) in the working tree; the developer resolves .env.
    writeFileSync(path.join(dir, '.env.encrypted'), readFileSync(path.join(dir, 'ours'), 'utf8'));
    writeFileSync(path.join(dir, '.env'), 'A=one\nB=theirs-b\nC=three\n');
    encryptEnvFile(ctx, {});
    const resolved = tokens(readFileSync(path.join(dir, '.env.encrypted'), 'utf8'));
    expect(resolved).toEqual([tokens(ours)[0], tokens(theirs)[1], tokens(ours)[2]]);
  });
});
