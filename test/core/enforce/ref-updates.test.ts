import { describe, expect, it } from 'vitest';
import { parsePrePushLines, parsePreReceiveLines } from '../../../src/core/enforce/ref-updates.js';
import { forbiddenFile } from '../../../src/core/enforce/forbidden-file.js';
import { isEnvguardError } from '../../../src/errors.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const ZERO = '0'.repeat(40);

describe('push hook stdin', () => {
  it('reads pre-push lines: update, new branch, deletion; blank lines skipped', () => {
    expect(parsePrePushLines(`refs/heads/main ${A} refs/heads/main ${B}\n\nrefs/heads/x ${A} refs/heads/x ${ZERO}\n(delete) ${ZERO} refs/heads/old ${B}\n`)).toEqual([
      { ref: 'refs/heads/main', newSha: A, oldSha: B },
      { ref: 'refs/heads/x', newSha: A, oldSha: undefined },
      { ref: 'refs/heads/old', newSha: undefined, oldSha: B },
    ]);
  });

  it('reads pre-receive lines, sha-256 repositories included', () => {
    expect(parsePreReceiveLines(`${ZERO} ${A} refs/heads/new\r\n${'c'.repeat(64)} ${'d'.repeat(64)} refs/tags/v1\n`)).toEqual([
      { ref: 'refs/heads/new', newSha: A, oldSha: undefined },
      { ref: 'refs/tags/v1', newSha: 'd'.repeat(64), oldSha: 'c'.repeat(64) },
    ]);
  });

  it.each([`${A} refs/heads/main`, `${A} ${B}`, `xyz ${B} refs/heads/main`, `${A} ${B} refs/heads/main extra`])('refuses the malformed pre-receive line %j with the fix', (line) => {
    let caught: unknown;
    try {
      parsePreReceiveLines(`${line}\n`);
    } catch (error) {
      caught = error;
    }
    expect(isEnvguardError(caught, 'USAGE')).toBe(true);
    expect((caught as Error).message).toBe('pre-receive: line 1 of stdin is not "<old-sha> <new-sha> <ref>"');
    expect((caught as { hint?: string }).hint).toContain('envguard hook pre-receive');
  });
});

describe('forbidden files', () => {
  it.each(['.env', 'app/.env.local', '.env.production', '.env.keys', 'deploy/prod.fernet', 'home/.ssh/id_ed25519', 'envguard.key'])('%s may never be committed', (file) => {
    expect(forbiddenFile(file)).toBeDefined();
  });
  it.each(['.env.encrypted', '.env.ledger.json', '.env.example', 'id_ed25519.pub', 'src/env.ts', 'README.md'])('%s may', (file) => {
    expect(forbiddenFile(file)).toBeUndefined();
  });
});
