import { fake, join } from '../synthetic.js';

/**
 * One synthetic true example and one near miss per provider rule, both built at run time so
 * that the repository never holds a literal that looks like a live token. With `name`, `hit`
 * and `miss` return a bare value that the tests and the recall corpus assign to that name in
 * each syntax; without it they return a whole line.
 */
export interface RuleCase {
  hit: () => string;
  miss: () => string;
  /** The variable the value is assigned to (contextual rules need it; others get a neutral one). */
  name?: string;
  /** The hit is a whole line that only makes sense in its own syntax (a curl command, an XML element). */
  lineOnly?: boolean;
}

/** `prefix` + `length` random characters of `alphabet`; the miss is `missLength` long. */
export function lengthCase(prefix: string, alphabet: string, length: number, missLength = length - 1, suffix = ''): RuleCase {
  return { hit: () => join(prefix, fake(alphabet, length), suffix), miss: () => join(prefix, fake(alphabet, missLength), suffix) };
}

/** A value recognised by the `name` it is assigned to. */
export function namedCase(name: string, make: () => string, miss: () => string): RuleCase {
  return { name, hit: make, miss };
}

/** A value of `length` characters of `alphabet` assigned to `name`; the miss is one character short. */
export function named(name: string, alphabet: string, length: number, prefix = '', missLength = length - 1): RuleCase {
  return { name, hit: () => join(prefix, fake(alphabet, length)), miss: () => join(prefix, fake(alphabet, missLength)) };
}

/** A random lower-case UUID. */
export const uuid = (): string => [8, 4, 4, 4, 12].map((n) => fake('0123456789abcdef', n)).join('-');
