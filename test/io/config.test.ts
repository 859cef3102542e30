import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/io/config.js';

describe('.envguard.json', () => {
  it('fills defaults', () => {
    expect(parseConfig('{}')).toMatchObject({ rotationDays: 90, overdue: 'warn', scan: { ignorePaths: [], knownValues: true } });
    expect(parseConfig('{"rotationDays": 30, "scan": {"ignorePaths": ["fixtures/**"]}}')).toMatchObject({ rotationDays: 30, scan: { ignorePaths: ['fixtures/**'], knownValues: true } });
  });

  it.each([
    ['{"keyComand": "x"}', /\(top level\): unknown field "keyComand"/],
    ['{"rotationDays": "90"}', /rotationDays: must be integer/],
    ['{"overdue": "panic"}', /overdue: must be equal to one of the allowed values/],
    ['{"scan": {"ignore": []}}', /scan: unknown field "ignore"/],
    ['{"keyCommand": ""}', /keyCommand: must NOT have fewer than 1 characters/],
    ['{"rotationDays": 90,}', /is not valid JSON/],
  ])('rejects %s clearly', (text, message) => {
    expect(() => parseConfig(text)).toThrow(message);
  });
});
