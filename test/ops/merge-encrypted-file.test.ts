import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/core/dotenv/parse.js';
import { decryptEncryptedFile, encryptDocument, parseEncryptedFile } from '../../src/core/encrypted-file.js';
import { formatKey, generateKey } from '../../src/core/key.js';
import { defaultContext } from '../../src/ops/context.js';
import { mergeEncryptedFile } from '../../src/ops/merge-encrypted-file.js';
import { isolatedEnv } from '../helpers/temp-repo.js';

const key = generateKey(randomBytes);

describe('mergeEncryptedFile (the merge driver as a use case)', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function setup(base: string, ours: string, theirs: string, withKey = true) {
    dir = mkdtempSync(path.join(os.tmpdir(), 'envguard-merge-'));
    const write = (name: string, text: string) => {
      writeFileSync(path.join(dir, name), encryptDocument(parseDotenv(text, '.env'), key, { now: 1_700_000_000, random: randomBytes }));
      return path.join(dir, name);
    };
    const request = { basePath: write('base', base), oursPath: write('ours', ours), theirsPath: write('theirs', theirs), displayPath: '.env.encrypted' };
    const env = { ...isolatedEnv(dir), ...(withKey ? { ENVGUARD_KEY: formatKey(key) } : {}) };
    // The driver runs inside a repository (it keeps what restores .env after an aborted merge).
    for (const args of [['init', '-q'], ['commit', '-q', '--allow-empty', '-m', 'start']]) expect(spawnSync('git', args, { cwd: dir, env }).status).toBe(0);
    return { ctx: defaultContext({ cwd: dir, root: dir, env }), request };
  }
  const decrypted = (file: string) => decryptEncryptedFile(parseEncryptedFile(readFileSync(file, 'utf8'), '.env.encrypted'), key, '.env.encrypted');

  it('merges changes to different variables into %A, with no problem', () => {
    const { ctx, request } = setup('A=1\nB=1\n', 'A=2\nB=1\n', 'A=1\nB=3\n');
    expect(mergeEncryptedFile(ctx, request)).toEqual({ clean: true, problems: [] });
    expect(decrypted(request.oursPath)).toBe('A=2\nB=3\n');
  });

  it('reports a variable both sides changed as a CONFLICT by name, with the conflict view in .env as the fix', () => {
    const { ctx, request } = setup('A=1\n', 'A=2\n', 'A=3\n');
    const result = mergeEncryptedFile(ctx, request);
    expect(result.clean).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'CONFLICT', file: '.env.encrypted', message: 'both sides changed A' })]);
    expect(result.problems[0]?.hint).toContain('the decrypted conflict is in .env');
    expect(readFileSync(path.join(dir, '.env'), 'utf8')).toContain('<<<<<<< ours\nA=2\n=======\nA=3\n>>>>>>> theirs');
    expect(readFileSync(request.oursPath, 'utf8')).not.toContain('A=2');
  });

  it('refuses with KEY_MISSING and leaves %A alone when this machine has no key', () => {
    const { ctx, request } = setup('A=1\n', 'A=2\n', 'A=3\n', false);
    const before = readFileSync(request.oursPath, 'utf8');
    expect(mergeEncryptedFile(ctx, request).problems.map((problem) => problem.code)).toEqual(['KEY_MISSING']);
    expect(readFileSync(request.oursPath, 'utf8')).toBe(before);
  });
});
