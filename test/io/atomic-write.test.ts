import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { readTextIfExists } from '../../src/io/read-file.js';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'envguard-atomic-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces a regular file', () => {
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, 'old');
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  it('refuses to replace a named pipe, and leaves it a pipe', () => {
    const fifo = path.join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(() => writeFileAtomic(fifo, 'x')).toThrow(/pipe is a named pipe, not a regular file/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a directory', () => {
    expect(() => writeFileAtomic(dir, 'x')).toThrow(/is a directory, not a regular file/);
  });

  it('writes through a symbolic link and keeps the link', () => {
    const real = path.join(dir, 'real.env');
    const link = path.join(dir, '.env');
    writeFileSync(real, 'A=1\n');
    symlinkSync('real.env', link);
    writeFileAtomic(link, 'A=2\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real.env');
    expect(readFileSync(real, 'utf8')).toBe('A=2\n');
  });

  it('refuses a dangling symbolic link', () => {
    const link = path.join(dir, '.env');
    symlinkSync('nowhere.env', link);
    expect(() => writeFileAtomic(link, 'x')).toThrow(/symbolic link to a file that does not exist/);
  });
});

describe('readTextIfExists', () => {
  it('refuses a named pipe without opening it (it would block)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'envguard-read-'));
    try {
      const fifo = path.join(dir, 'pipe');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      expect(() => readTextIfExists(fifo)).toThrow(/named pipe, not a regular file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a character device as nothing but a refusal', () => {
    expect(() => readTextIfExists('/dev/null')).toThrow(/character device, not a regular file/);
  });
});
