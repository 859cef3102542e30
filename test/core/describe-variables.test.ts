import { describe, expect, it } from 'vitest';
import { describeVariables, formatAge } from '../../src/core/describe-variables.js';
import { encryptToken } from '../../src/core/fernet.js';
import { generateKey } from '../../src/core/key.js';

const key = generateKey((n) => Buffer.alloc(n, 3));
const tokenAt = (seconds: number) => encryptToken(key, Buffer.from('X=1\n'), { now: seconds, iv: Buffer.alloc(16) });
const NOW = 1_700_000_000;

describe('describeVariables', () => {
  it('hides sensitive and secret-looking values, shows ordinary ones, dates each from its token', () => {
    const rows = describeVariables(
      [
        { name: 'DB_PASSWORD', value: 'hunter2', token: tokenAt(NOW - 3 * 86400), line: 2 },
        { name: 'DATABASE_URL', value: 'postgres://u:pw123456@db/app', token: tokenAt(NOW - 3600), line: 3 },
        { name: 'PORT', value: '3000', token: tokenAt(NOW - 30), line: 4 },
        { name: 'PIN', value: '1234', token: 'not-a-token', line: 5 },
      ],
      NOW,
      { sensitiveNames: ['PIN'] },
    );
    expect(rows).toEqual([
      { name: 'DB_PASSWORD', line: 2, sensitive: true, length: 7, updatedAt: new Date((NOW - 3 * 86400) * 1000).toISOString(), ageSeconds: 3 * 86400 },
      { name: 'DATABASE_URL', line: 3, sensitive: true, length: 28, updatedAt: new Date((NOW - 3600) * 1000).toISOString(), ageSeconds: 3600 },
      { name: 'PORT', line: 4, sensitive: false, value: '3000', length: 4, updatedAt: new Date((NOW - 30) * 1000).toISOString(), ageSeconds: 30 },
      { name: 'PIN', line: 5, sensitive: true, length: 4, updatedAt: null, ageSeconds: null },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/hunter2|pw123456/);
  });

  it('never shows a short value under a sensitive name, shows a greeting, honours publicNames', () => {
    const rows = describeVariables(
      [
        { name: 'SMTP_PASS', value: 'Tr0ub4d', token: 'x', line: 1 },
        { name: 'DB_PWD', value: 'hunter2', token: 'x', line: 2 },
        { name: 'REDIS_AUTH', value: 'abc', token: 'x', line: 3 },
        { name: 'WELCOME_MESSAGE', value: 'Welcome to our app!', token: 'x', line: 4 },
        { name: 'SESSION_COOKIE_NAME', value: 'sid', token: 'x', line: 5 },
      ],
      NOW,
      { publicNames: ['SESSION_COOKIE_NAME'] },
    );
    expect(rows.map((row) => [row.name, row.value ?? null])).toEqual([
      ['SMTP_PASS', null],
      ['DB_PWD', null],
      ['REDIS_AUTH', null],
      ['WELCOME_MESSAGE', 'Welcome to our app!'],
      ['SESSION_COOKIE_NAME', 'sid'],
    ]);
  });

  it('formats ages compactly', () => {
    expect([10, 300, 7200, 3 * 86400, 90 * 86400, 800 * 86400].map(formatAge)).toEqual(['just now', '5m', '2h', '3d', '3mo', '2y']);
  });
});
