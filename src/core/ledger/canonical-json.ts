/**
 * Canonical JSON for hashing and signing (DESIGN.md, Ledger): object keys sorted by UTF-16 code
 * units, no whitespace, strings and numbers as `JSON.stringify` writes them. This matches the
 * JSON Canonicalization Scheme (RFC 8785) for the values a ledger holds (strings, booleans,
 * integers, null). Non-finite numbers have no JSON form and are refused rather than turned into
 * `null`, which would make two different entries hash the same.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, where: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON: ${where} is not a finite number`);
      return JSON.stringify(value);
    case 'object':
      if (Array.isArray(value)) return `[${value.map((item, index) => write(item, `${where}[${index}]`)).join(',')}]`;
      return writeObject(value as Record<string, unknown>, where);
    default:
      throw new TypeError(`canonical JSON: ${where} is a ${typeof value}, which JSON cannot represent`);
  }
}

function writeObject(object: Record<string, unknown>, where: string): string {
  const prototype = Object.getPrototypeOf(object) as unknown;
  if (prototype !== Object.prototype && prototype !== null) throw new TypeError(`canonical JSON: ${where} is not a plain object`);
  // Default sort compares UTF-16 code units, which is what RFC 8785 section 3.2.3 asks for.
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${write(object[key], `${where}.${key}`)}`).join(',')}}`;
}
