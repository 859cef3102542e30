import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextIfExists } from '../../src/io/read-file.js';

describe('readTextIfExists: bytes, not characters (issue 16 item 12)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'envguard-read-'));

  it('refuses a file that is not UTF-8, naming the line, instead of handing back U+FFFD', () => {
    const file = path.join(dir, '.env');
    writeFileSync(file, Buffer.concat([Buffer.from('A=1\nB=caf'), Buffer.from([0xe9]), Buffer.from('\nC=3\n')]));
    expect(() => readTextIfExists(file)).toThrow(/\.env:2: not valid UTF-8/);
  });

  it('keeps valid UTF-8 exactly, a byte order mark and U+FFFD written on purpose included', () => {
    const file = path.join(dir, 'ok.env');
    const text = '\ufeffA=é🔑\uFFFD\r\n';
    writeFileSync(file, text);
    expect(readTextIfExists(file)).toBe(text);
  });
});
