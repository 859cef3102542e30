import { characterClasses, shannonEntropy } from '../entropy.js';
import type { SecretRule } from '../types.js';

/**
 * Builders for the two shapes most provider rules take, so each rule file reads as a list of
 * formats rather than of regexes: a token with its own prefix, and a prefix-less value that is
 * only recognisable by the name it is assigned to (`DATADOG_API_KEY=…`).
 */

/** A provider rule, plus which part of a match is random (what the filler check looks at). */
export interface ProviderRule extends SecretRule {
  readonly fillerPart?: (secret: string) => string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * A `regex` property built on first read: with 300+ rules, building every pattern when the CLI
 * loads costs each commit time, while a commit's keywords select only a handful of rules.
 */
class LazyRule implements ProviderRule {
  private compiled: RegExp | undefined;
  readonly validate?: SecretRule['validate'];
  readonly fillerPart?: ProviderRule['fillerPart'];
  readonly uuidSecret?: boolean;
  constructor(
    readonly id: string,
    readonly description: string,
    readonly keywords: readonly string[],
    private readonly source: () => string,
    extra: Pick<ProviderRule, 'validate' | 'fillerPart' | 'uuidSecret'>,
  ) {
    if (extra.validate) this.validate = extra.validate;
    if (extra.fillerPart) this.fillerPart = extra.fillerPart;
    if (extra.uuidSecret) this.uuidSecret = true;
  }
  get regex(): RegExp {
    return (this.compiled ??= new RegExp(this.source()));
  }
}

/** A case-insensitive spelling of a literal (`[dD][dD]`): JS has no inline `(?i)` in Node 20. */
export function anyCase(text: string): string {
  return [...text].map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escape(c))).join('');
}

/** A name in any case and any separator style: `dd_api_key` also matches `DD-API-KEY` and `ddApiKey`. */
function anyNameStyle(name: string): string {
  return name.split(/[_-]/).map(anyCase).join('[_.-]?');
}

/** The literal keywords for a name in every separator style (the prefilter matches substrings). */
function nameKeywords(name: string): string[] {
  // Snake, kebab and run-together (camelCase, case-folded): three spellings keep the prefilter
  // small. split/join, not a regex: this runs for every rule as the CLI loads.
  const parts = name.toLowerCase().split('_').join('-').split('-');
  return parts.length === 1 ? parts : [parts.join('_'), parts.join('-'), parts.join('')];
}

interface PrefixedSpec {
  /** Literal prefixes; the token is `prefix` + a match of `body`. */
  prefix: string | readonly string[];
  /** Regex source of what follows the prefix. */
  body: string;
  /** Characters that may not follow the token (default: base64url letters). */
  end?: string;
  validate?: SecretRule['validate'];
  fillerPart?: ProviderRule['fillerPart'];
  /** The body is (or ends in) a UUID that is still a secret here. */
  uuidSecret?: boolean;
}

/** A token that starts with a literal prefix of its own; the prefix is the prefilter keyword. */
export function prefixed(id: string, description: string, spec: PrefixedSpec): ProviderRule {
  const prefixes = typeof spec.prefix === 'string' ? [spec.prefix] : spec.prefix;
  const end = spec.end ?? 'A-Za-z0-9_-';
  const source = () => `(?<![A-Za-z0-9])((?:${prefixes.map(escape).join('|')})${spec.body})(?![${end}])`;
  return new LazyRule(id, description, prefixes.map((p) => p.toLowerCase()), source, spec);
}

interface ContextualSpec {
  /** Name fragments (any case) that must precede the value: `datadog`, `dd_api_key`. */
  names: readonly string[];
  /** Regex source of the value itself. */
  value: string;
  validate?: SecretRule['validate'];
}

/** True for a value with the mix of letters and digits that a random token has. */
export function isRandomLooking(value: string): boolean {
  if (shannonEntropy(value) < 3) return false;
  if (/\d/.test(value) && /[A-Za-z]/.test(value)) return true;
  // A random token may lack digits by chance; mixed case over 16+ characters still is not a word.
  if (value.length >= 16 && /[a-z]/.test(value) && /[A-Z]/.test(value) && characterClasses(value) >= 2 && shannonEntropy(value) >= 3.5) return true;
  return value.length >= 20 && shannonEntropy(value) >= 3.8;
}

/**
 * A value with no prefix of its own, recognised by the name it is assigned to: the name, the
 * rest of its identifier, an assignment (`=`, `:`, `:=`, `=>`, a header's `:`), optional quotes.
 */
export function contextual(id: string, description: string, spec: ContextualSpec): ProviderRule {
  const source = () => `(?:${spec.names.map(anyNameStyle).join('|')})[A-Za-z0-9_.-]{0,32}?["'\`]?\\s*(?::=|=>|=|:)\\s*["'\`]?(${spec.value})(?![A-Za-z0-9_+/-])`;
  return new LazyRule(id, description, [...new Set(spec.names.flatMap(nameKeywords))], source, {
    validate: spec.validate ?? isRandomLooking,
    uuidSecret: spec.value.includes(UUID) || spec.value.includes(UUID_ANY_CASE),
  });
}

/** Regex sources used by many providers. */
export const HEX32 = '[a-f0-9]{32}';
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const UUID_ANY_CASE = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
