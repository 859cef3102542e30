import { describe, expect, it } from 'vitest';
import { parseLedgerJson } from '../../src/core/ledger/index.js';
import { findDuplicateKey } from '../../src/core/strict-json.js';

describe('strict JSON (issue 15 item 5)', () => {
  it('refuses duplicate member names, escaped spellings included, naming the line', () => {
    const forged = '{\n  "entries": [\n    { "reason": "scheduled",\n      "reason": "forged" }\n  ]\n}';
    expect(JSON.parse(forged)).toEqual({ entries: [{ reason: 'forged' }] });
    expect(() => parseLedgerJson(forged, '.env.ledger.json')).toThrow(/\.env\.ledger\.json:4: an object has the same member name twice/);
    expect(findDuplicateKey('{"a":1,"\\u0061":2}')?.line).toBe(1);
  });

  it('accepts the same name in sibling objects, names inside strings and arrays of strings', () => {
    expect(findDuplicateKey('[{"a":1},{"a":2}]')).toBeUndefined();
    expect(findDuplicateKey('{"a":"\\"a\\":","b":["a","a"],"c":{"a":{"a":1}}}')).toBeUndefined();
    expect(parseLedgerJson('{"x":[1,{"y":null}]}', 'f')).toEqual({ x: [1, { y: null }] });
  });

  it('names the line of a syntax error without quoting the text', () => {
    expect(() => parseLedgerJson('{\n"a": 1,\n}', 'f.json')).toThrow(/^f\.json:3: not valid JSON$/);
  });
});
