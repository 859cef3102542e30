import { EnvguardError } from '../../errors.js';
import { isQuote, skipInlineSpace } from './chars.js';
import { lexEntry } from './lex-entry.js';
import { parseDotenv } from './parse.js';
import { serializeDotenv } from './serialize.js';
import { parseSingleEntry } from './single-entry.js';
import type { EnvDocument, EnvEntry, EnvNode } from './types.js';

const NAME = /^[\w.-]+$/;

/**
 * Returns a document in which `name` has `value`, or the same document when it already has.
 * The last entry of that name (the one that wins) gets the value written in a quoting that
 * reads back as exactly `value`, keeping its `export` prefix, spacing and inline comment; with
 * no such entry, one is appended. Every other node stays byte-identical. The result is re-parsed
 * to prove it, so its line numbers and values are those a fresh `parseDotenv` gives.
 * Throws FORMAT_INVALID for the rare value no dotenv quoting can carry (e.g. a carriage return
 * together with a bare `"`); the message names the variable, never the value.
 */
export function setEntryValue(doc: EnvDocument, name: string, value: string): EnvDocument {
  return setEntryValues(doc, [[name, value]]);
}

/**
 * `setEntryValue` for many variables, applied in order, with one re-parse of the whole document
 * instead of one per variable (merges and imports that touch many variables stay linear).
 */
export function setEntryValues(doc: EnvDocument, updates: Iterable<readonly [string, string]>): EnvDocument {
  const list = [...updates];
  for (const [name] of list) assertName(name);
  let candidate = doc;
  for (const [name, value] of list) {
    const next = writtenForms(candidate, name, value).next();
    if (next.done) throw unwritable(name);
    candidate = next.value;
  }
  if (candidate === doc) return doc;
  // A value that closes on a backslash-escaped quote reads differently once text after it
  // changes; in that rare case, redo the updates one at a time, trying each quoting in turn.
  return reparsedAs(candidate) ?? list.reduce((current, [name, value]) => setVerified(current, name, value), doc);
}

function setVerified(doc: EnvDocument, name: string, value: string): EnvDocument {
  for (const candidate of writtenForms(doc, name, value)) {
    if (candidate === doc) return doc;
    const verified = reparsedAs(candidate);
    if (verified !== undefined) return verified;
  }
  throw unwritable(name);
}

function assertName(name: string): void {
  if (NAME.test(name)) return;
  throw new EnvguardError('USAGE', 'expected a variable name of letters, digits, "_", "." and "-", found other characters', {
    hint: 'rename the variable, e.g. DB_PASSWORD',
  });
}

function unwritable(name: string): EnvguardError {
  return new EnvguardError('FORMAT_INVALID', `cannot write ${name} to a .env file: no quoting reads its value back unchanged`, {
    hint: `dotenv cannot hold this value as it is; store ${name} base64-encoded and decode it in the application`,
  });
}

/**
 * Documents with `name` set to `value`, one per way of writing the value that reads back on its
 * own, safest first: unquoted, single, double (with `\n`/`\r` escapes), backtick; the existing
 * entry's quote style leads when it has one. Yields `doc` itself when the value is unchanged.
 */
function* writtenForms(doc: EnvDocument, name: string, value: string): Generator<EnvDocument> {
  const index = lastIndexOfEntry(doc, name);
  const existing = index < 0 ? undefined : (doc.nodes[index] as EnvEntry);
  // Unchanged values keep their text, so a merge or import rewrites nothing it does not change.
  if (existing?.value === value) {
    yield doc;
    return;
  }
  const doubleQuoted = `"${value.replace(/\r/g, '\\r').replace(/\n/g, '\\n')}"`;
  let forms = [value, `'${value}'`, doubleQuoted, `\`${value}\``];
  const quote = existing === undefined ? undefined : quoteOf(existing);
  if (quote !== undefined) {
    const preferred = quote === '"' ? doubleQuoted : `${quote}${value}${quote}`;
    forms = [preferred, ...forms.filter((form) => form !== preferred)];
  }
  const sources = forms
    .map((written) => (existing === undefined ? `${name}=${written}` : withValueText(existing, written)))
    .filter((source) => readsBackAs(source, name, value));
  // A value closed by a backslash-escaped quote depends on the text after it (see closing-quote.ts).
  for (const source of [...sources.filter((one) => !closesOnEscapedQuote(one)), ...sources.filter(closesOnEscapedQuote)]) {
    const entry: EnvEntry = { kind: 'entry', name, value, source, newline: existing?.newline ?? '', line: existing?.line ?? 0 };
    yield existing === undefined ? appendEntry(doc, entry) : replaceNode(doc, index, entry);
  }
}

function closesOnEscapedQuote(source: string): boolean {
  const { valueStart, valueEnd } = lexEntry(source, 0, skipInlineSpace(source, 0), { fileName: '.env', line: 1 });
  return isQuote(source[valueStart]) && source[valueEnd - 2] === '\\';
}

function lastIndexOfEntry(doc: EnvDocument, name: string): number {
  for (let i = doc.nodes.length - 1; i >= 0; i -= 1) {
    const node = doc.nodes[i] as EnvNode;
    if (node.kind === 'entry' && node.name === name) return i;
  }
  return -1;
}

function quoteOf(entry: EnvEntry): string | undefined {
  const { valueStart, valueEnd } = lexOwnSource(entry);
  const first = entry.source[valueStart];
  return valueEnd > valueStart && isQuote(first) ? first : undefined;
}

/** The entry's source with its value text replaced, prefix and trailing comment kept. */
function withValueText(entry: EnvEntry, written: string): string {
  const { valueStart, valueEnd } = lexOwnSource(entry);
  const trailer = entry.source.slice(valueEnd);
  // `A=#c` reads fine but `A=x#c` is easier to read with a space before the comment.
  const gap = trailer.startsWith('#') && written !== '' ? ' ' : '';
  return entry.source.slice(0, valueStart) + written + gap + trailer;
}

function lexOwnSource(entry: EnvEntry): { valueStart: number; valueEnd: number } {
  return lexEntry(entry.source, 0, skipInlineSpace(entry.source, 0), { fileName: '.env', line: entry.line });
}

function readsBackAs(source: string, name: string, value: string): boolean {
  try {
    return parseSingleEntry(source, '.env', 1, name).value === value;
  } catch {
    return false;
  }
}

function replaceNode(doc: EnvDocument, index: number, entry: EnvEntry): EnvDocument {
  const nodes = [...doc.nodes];
  nodes[index] = entry;
  return { bom: doc.bom, nodes };
}

function appendEntry(doc: EnvDocument, entry: EnvEntry): EnvDocument {
  const nodes = [...doc.nodes];
  const last = nodes.at(-1);
  const newline = [...nodes].reverse().find((node) => node.newline !== '')?.newline ?? '\n';
  // A file that ended without a line terminator keeps ending without one.
  if (last !== undefined && last.newline === '') {
    nodes[nodes.length - 1] = { ...last, newline };
    nodes.push({ ...entry, newline: '' });
  } else {
    nodes.push({ ...entry, newline });
  }
  return { bom: doc.bom, nodes };
}

/**
 * Re-parses the whole candidate and returns it when every node reads back as built (same
 * extent, name and value), else undefined: a quoted value's closing quote is found by scanning
 * past its entry, so only the full text proves that no neighbour changed.
 */
function reparsedAs(candidate: EnvDocument): EnvDocument | undefined {
  let reparsed: EnvDocument;
  try {
    reparsed = parseDotenv(serializeDotenv(candidate));
  } catch {
    return undefined;
  }
  if (reparsed.nodes.length !== candidate.nodes.length) return undefined;
  const same = reparsed.nodes.every((got, i) => {
    const built = candidate.nodes[i] as EnvNode;
    if (got.kind !== built.kind || got.source !== built.source || got.newline !== built.newline) return false;
    return got.kind !== 'entry' || built.kind !== 'entry' || (got.name === built.name && got.value === built.value);
  });
  return same ? reparsed : undefined;
}
