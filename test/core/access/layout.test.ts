import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEMBER_ID_PATTERN, accessPathsFor, memberIdFor, memberSlug, parseAccessPath } from '../../../src/core/access/index.js';
import { strictJsonValue } from '../../../src/core/strict-json.js';

describe('member ids', () => {
  it.each([
    ['Bob <bob@example.com>', 'bob'],
    ['Bob Smith <bob@example.com>', 'bob-smith'],
    ['<bob.smith@example.com>', 'bob-smith'],
    ['carol@example.com', 'carol'],
    ['  Zoë Ångström  ', 'zoe-angstrom'],
    ['ci', 'ci'],
    ['GitHub Actions (production)', 'github-actions-production'],
    ['李雷', 'member'],
    ['../../etc/passwd', 'etc-passwd'],
    ['.env.production', 'env-production'],
    ['x'.repeat(100), 'x'.repeat(32)],
  ])('%s → %s', (name, id) => {
    expect(memberSlug(name)).toBe(id);
  });

  it('is always a safe file name, whatever the name', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (name) => {
        expect(memberSlug(name)).toMatch(MEMBER_ID_PATTERN);
      }));
  });

  it('keeps the id of a name already granted and suffixes a different name that collides', () => {
    const existing = new Map([
      ['bob', 'Bob <bob@example.com>'],
      ['bob-2', 'Bob <bob@other.example>'],
    ]);
    expect(memberIdFor('Bob <bob@example.com>', existing)).toBe('bob');
    expect(memberIdFor('  Bob <bob@other.example>', existing)).toBe('bob-2');
    expect(memberIdFor('bob', existing)).toBe('bob-3');
    expect(memberIdFor('Carol', existing)).toBe('carol');
    expect(memberIdFor('Bob <bob@third.example>', new Map([['bob-2', 'x']]))).toBe('bob');
  });
});

describe('access paths', () => {
  it('names both files of a member and reads them back', () => {
    const paths = accessPathsFor('production', 'bob');
    expect([paths.age, paths.grant]).toEqual(['.envguard/access/production/bob.age', '.envguard/access/production/bob.json']);
    expect(parseAccessPath(paths.age)).toEqual({ envName: 'production', memberId: 'bob', file: 'age' });
    expect(parseAccessPath(paths.grant)).toEqual({ envName: 'production', memberId: 'bob', file: 'grant' });
    expect(accessPathsFor('default', 'ci').dir).toBe('.envguard/access/default');
  });

  it('refuses names that could escape the directory or hide as dot-files', () => {
    for (const env of ['..', '../x', 'a/b', '.hidden', '.env', 'a..b', '', 'prod\n']) expect(() => accessPathsFor(env, 'bob'), env).toThrow();
    for (const id of ['..', 'Bob', 'bob/../x', '-bob', 'bob-', 'a--b', '']) expect(() => accessPathsFor('production', id), id).toThrow();
    for (const file of ['.envguard/access/production/bob.txt', '.envguard/access/../bob.age', '.envguard/access/production/x/bob.age', 'other/production/bob.age']) {
      expect(parseAccessPath(file), file).toBeUndefined();
    }
  });
});

describe('strict JSON', () => {
  it('refuses duplicate keys at any depth, and only those', () => {
    expect(strictJsonValue('{"a":1,"b":{"c":2,"d":[{"c":3}]}}')).toEqual({ a: 1, b: { c: 2, d: [{ c: 3 }] } });
    expect(strictJsonValue('{"a":1,"a":2}')).toBeUndefined();
    expect(strictJsonValue('{"x":{"a":"\\"a","a":2}}')).toBeUndefined();
    expect(strictJsonValue('{"a\\u0062":1,"ab":2}')).toBeUndefined();
    expect(strictJsonValue('[{"a":1},{"a":1}]')).toEqual([{ a: 1 }, { a: 1 }]);
    expect(strictJsonValue('{"a":"a","b":"a"}')).toEqual({ a: 'a', b: 'a' });
    expect(strictJsonValue('{')).toBeUndefined();
  });
});
