import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createJournal, readJournal, removeJournal, writeJournal, type RotationJournal } from '../../src/io/rotation-journal.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const journal: RotationJournal = {
  version: 1,
  environment: 'default',
  projectId: '6f1d2c3b-4a59-4e68-8f7a-9b0c1d2e3f40',
  phase: 'started',
  startedAt: '2025-01-01T00:00:00.000Z',
  actor: { name: 'A', email: 'a@example.com' },
  reason: 'r',
  oldKeyFingerprint: `sha256:${'1'.repeat(64)}`,
  newKeyFingerprint: `sha256:${'2'.repeat(64)}`,
  workDir: 'rotation-default',
  ledgerFile: '.env.ledger.json',
  files: [{ path: '.env.encrypted', oldSha256: '3'.repeat(64) }],
};

describe('rotation journal', () => {
  it('is created exclusively (a second rotation cannot start), private, and read back', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'envguard-journal-'));
    const file = path.join(dir, 'envguard', 'rotation-default.json');
    expect(readJournal(file)).toBeUndefined();
    createJournal(file, journal);
    expect(() => createJournal(file, { ...journal, reason: 'second' })).toThrow(/another rotation of "default" is in progress/);
    expect(readJournal(file)).toEqual(journal);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeJournal(file, { ...journal, phase: 'prepared' });
    expect(readJournal(file)?.phase).toBe('prepared');
    expect(readdirSync(path.dirname(file))).toEqual(['rotation-default.json']);
    removeJournal(file);
    expect(readJournal(file)).toBeUndefined();
  });

  it('refuses an unreadable journal with a hint instead of guessing', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'envguard-journal-'));
    const file = path.join(dir, 'rotation-default.json');
    writeJournal(file, { ...journal, version: 2 } as unknown as RotationJournal);
    expect(() => readJournal(file)).toThrow(/unreadable/);
  });
});
