import { describe, expect, it } from 'vitest';
import { verifyLedger, schemaProblems, type Ledger } from '../../../src/core/ledger/index.js';
import { clone, sampleLedger } from './fixtures.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** Every leaf of a JSON value with its path. */
function leaves(value: Json, path: Path = []): Array<{ path: Path; value: Json }> {
  if (value !== null && typeof value === 'object') {
    const children = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
    return children.flatMap(([key, child]) => leaves(child, [...path, key]));
  }
  return [{ path, value }];
}

function setAt(root: Json, path: Path, next: Json): void {
  let node = root as Record<string | number, Json>;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, Json>;
  node[path[path.length - 1] as string | number] = next;
}

/**
 * Candidate edits of a leaf, most subtle first: an edit that keeps the value schema-valid
 * (one hex digit, one base64url character, one second later) tests the chain and the
 * signatures, not just the schema.
 */
function edits(value: Json): Json[] {
  if (typeof value === 'boolean') return [!value];
  if (typeof value === 'number') return [value + 1, value - 1];
  if (value === null) return ['sha256:' + '0'.repeat(64)];
  if (typeof value !== 'string') return [];
  const flip = (text: string, index: number, alphabet: string) => {
    const char = text[index] as string;
    const replacement = alphabet[(alphabet.indexOf(char) + 1) % alphabet.length] as string;
    return text.slice(0, index) + replacement + text.slice(index + 1);
  };
  const candidates: Json[] = [];
  if (/^sha256:[0-9a-f]{64}$/.test(value)) candidates.push(flip(value, 20, '0123456789abcdef'));
  if (/^[A-Za-z0-9_-]{43}$|^[A-Za-z0-9_-]{86}$/.test(value)) candidates.push(flip(value, 5, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'));
  if (/^\d{4}-\d\d-\d\dT/.test(value)) candidates.push(value.replace(/:(\d)(\d)\./, (_m, a: string, b: string) => `:${a}${(Number(b) + 1) % 10}.`));
  if (/^[0-9a-f]{8}-/.test(value)) candidates.push(flip(value, 0, '0123456789abcdef'));
  const enums = [['genesis', 'rotation'], ['initiated', 'in_progress', 'completed', 'failed', 'rolled_back'], ['old', 'new']];
  for (const values of enums) if (values.includes(value)) candidates.push(...values.filter((other) => other !== value));
  candidates.push(`${value}x`, value.length > 0 ? value.slice(0, -1) : 'x');
  return candidates;
}

describe('tamper detection', () => {
  const original = sampleLedger();
  const cases = leaves(original as unknown as Json).flatMap(({ path, value }) =>
    edits(value).map((next) => ({ name: `${path.join('.')} = ${JSON.stringify(next).slice(0, 24)}`, path, next })),
  );

  it('generates edits for every field of every entry', () => {
    // 4 entries plus the header: make sure the generator did not silently skip fields.
    expect(new Set(cases.map((c) => c.path.join('.'))).size).toBe(leaves(original as unknown as Json).length);
    expect(cases.length).toBeGreaterThan(150);
  });

  it.each(cases)('detects $name', ({ path, next }) => {
    const tampered = clone(original) as unknown as Json;
    setAt(tampered, path, next);
    const report = verifyLedger(tampered);
    expect(report.valid).toBe(false);
    const entry = path[0] === 'entries' ? (path[1] as number) : null;
    // Precise: a problem is reported against the entry that was edited (or the file header).
    expect(report.problems.map((problem) => problem.entry)).toContain(entry);
  });

  it('has a schema-valid edit for nearly every field, so the chain and signatures are what catch them', () => {
    const validPaths = new Set(
      cases
        .filter(({ path, next }) => {
          const tampered = clone(original) as unknown as Json;
          setAt(tampered, path, next);
          return schemaProblems(tampered).length === 0;
        })
        .map(({ path }) => path.join('.')),
    );
    const allPaths = new Set(cases.map(({ path }) => path.join('.')));
    // Only constants (version, genesis seq/prevHash) and the entry type (which selects the shape) have none.
    const without = [...allPaths].filter((path) => !validPaths.has(path));
    expect(without.sort()).toEqual(['entries.0.prevHash', 'entries.0.seq', 'entries.0.type', 'entries.1.type', 'entries.2.type', 'entries.3.type', 'version']);
  });
});

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

describe('reorder and removal detection', () => {
  const original = sampleLedger();
  const identity = original.entries.map((_, index) => index).join(',');
  const orders = permutations(original.entries.map((_, index) => index)).filter((order) => order.join(',') !== identity);

  it.each(orders.map((order) => ({ order: order.join(','), indexes: order })))('detects entries reordered as $order', ({ indexes }) => {
    const ledger: Ledger = { ...clone(original), entries: indexes.map((index) => clone(original.entries[index]!)) };
    const report = verifyLedger(ledger);
    expect(report.valid).toBe(false);
    expect(report.problems.length).toBeGreaterThan(0);
  });

  it.each([0, 1, 2])('detects removal of entry %i', (removed) => {
    const ledger: Ledger = { ...clone(original), entries: original.entries.filter((_, index) => index !== removed) };
    const report = verifyLedger(ledger);
    expect(report.valid).toBe(false);
    expect(report.problems.some((problem) => problem.entry === removed)).toBe(true);
  });

  it('verifies a ledger cut after its last entry (truncation is caught by verify against the encrypted files, not here)', () => {
    const ledger: Ledger = { ...clone(original), entries: original.entries.slice(0, 3) };
    expect(verifyLedger(ledger).valid).toBe(true);
  });
});
