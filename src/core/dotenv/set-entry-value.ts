import { EnvguardError } from '../../errors.js';
import { isQuote, skipInlineSpace } from './chars.js';
import { lexEntry } from './lex-entry.js';
import { parseDotenv } from './parse.js';
import { serializeDotenv } from './serialize.js';
import { parseSingleEntry } from './single-entry.js';
import type { EnvDocument, EnvEntry, EnvNode } from './types.js';

const NAME = /^[\w.-]+$/;

/**
 * Returns a document in which `name` has `value` (the same document when it already has): the last entry of that name (the one that
 * wins) gets a new value written in a quoting that reads back as exactly `value`, keeping its
 * `export` prefix, spacing and inline comment; with no such entry, one is appended. Every other
 * node stays byte-identical. The result is re-parsed to prove the round trip, so its line
 * numbers and values are those a fresh `parseDotenv` gives.
 * Throws FORMAT_INVALID for the rare value no dotenv quoting can carry (e.g. a carriage return
 * together with a bare `"`); the message names the variable, never the value.
 */
export function setEntryValue(doc: EnvDocument, name: string, value: string): EnvDocument {
  if (!NAME.test(name)) {
    throw new EnvguardError('USAGE', 'expected a variable name of letters, digits, "_", "." and "-", found other characters', {
      hint: 'rename the variable, e.g. DB_PASSWORD',
    });
  }
  const index = lastIndexOfEntry(doc, name);
  const existing = index < 0 ? undefined : (doc.nodes[index] as EnvEntry);
  // Unchanged values keep their text, so a merge or import rewrites nothing it does not change.
  if (existing?.value === value) return doc;
  for (const written of writtenForms(value, existing)) {
    const candidate = existing === undefined ? appendEntry(doc, `${name}=${written}`) : replaceValue(doc, index, existing, written);
    const target = existing === undefined ? doc.nodes.length : index;
    const verified = candidate === undefined ? undefined : verify(doc, candidate, target, name, value);
    if (verified !== undefined) return verified;
  }
  throw new EnvguardError('FORMAT_INVALID', `cannot write ${name} to a .env file: no quoting reads its value back unchanged`, {
    hint: `set ${name} by editing the .env file by hand`,
  });
}

function lastIndexOfEntry(doc: EnvDocument, name: string): number {
  for (let i = doc.nodes.length - 1; i >= 0; i -= 1) {
    const node = doc.nodes[i] as EnvNode;
    if (node.kind === 'entry' && node.name === name) return i;
  }
  return -1;
}

/** The ways to write `value`, safest first; the existing entry's quote style leads when it has one. */
function writtenForms(value: string, existing: EnvEntry | undefined): string[] {
  const doubleQuoted = `"${value.replace(/\r/g, '\\r').replace(/\n/g, '\\n')}"`;
  const forms = [value, `'${value}'`, doubleQuoted, `\`${value}\``];
  const quote = existing === undefined ? undefined : quoteOf(existing);
  if (quote === undefined) return forms;
  const preferred = quote === '"' ? doubleQuoted : `${quote}${value}${quote}`;
  return [preferred, ...forms.filter((form) => form !== preferred)];
}

function quoteOf(entry: EnvEntry): string | undefined {
  const lex = lexEntry(entry.source, 0, skipInlineSpace(entry.source, 0), { fileName: '.env', line: entry.line });
  const first = entry.source[lex.valueStart];
  return lex.valueEnd > lex.valueStart && isQuote(first) ? first : undefined;
}

function replaceValue(doc: EnvDocument, index: number, entry: EnvEntry, written: string): EnvDocument | undefined {
  const lex = lexEntry(entry.source, 0, skipInlineSpace(entry.source, 0), { fileName: '.env', line: entry.line });
  const trailer = entry.source.slice(lex.valueEnd);
  // `A=#c` reads fine but `A=x#c` is easier to read with a space before the comment.
  const gap = trailer.startsWith('#') && written !== '' ? ' ' : '';
  const source = entry.source.slice(0, lex.valueStart) + written + gap + trailer;
  if (!readsBackAs(source, entry.name)) return undefined;
  const nodes = [...doc.nodes];
  nodes[index] = { ...entry, source };
  return { bom: doc.bom, nodes };
}

function appendEntry(doc: EnvDocument, source: string): EnvDocument | undefined {
  const name = source.slice(0, source.indexOf('='));
  if (!readsBackAs(source, name)) return undefined;
  const nodes = [...doc.nodes];
  const last = nodes.at(-1);
  const newline = [...nodes].reverse().find((node) => node.newline !== '')?.newline ?? '\n';
  // Keep a file that ended without a line terminator ending without one.
  if (last !== undefined && last.newline === '') nodes[nodes.length - 1] = { ...last, newline };
  const entry: EnvEntry = { kind: 'entry', name, value: '', source, newline: last !== undefined && last.newline === '' ? '' : newline, line: 0 };
  nodes.push(entry);
  return { bom: doc.bom, nodes };
}

function readsBackAs(source: string, name: string): boolean {
  try {
    parseSingleEntry(source, '.env', 1, name);
    return true;
  } catch {
    return false;
  }
}

/**
 * Re-parses the whole candidate: a quoted value's closing quote is found by scanning past the
 * entry, so only the full text proves that every node keeps its extent and every other value.
 */
function verify(before: EnvDocument, candidate: EnvDocument, target: number, name: string, value: string): EnvDocument | undefined {
  let reparsed: EnvDocument;
  try {
    reparsed = parseDotenv(serializeDotenv(candidate));
  } catch {
    return undefined;
  }
  if (reparsed.nodes.length !== candidate.nodes.length) return undefined;
  for (let i = 0; i < reparsed.nodes.length; i += 1) {
    const got = reparsed.nodes[i] as EnvNode;
    const wanted = candidate.nodes[i] as EnvNode;
    if (got.kind !== wanted.kind || got.source !== wanted.source || got.newline !== wanted.newline) return undefined;
    if (got.kind !== 'entry') continue;
    const expected = i === target ? { name, value } : (before.nodes[i] as EnvEntry);
    if (got.name !== expected.name || got.value !== expected.value) return undefined;
  }
  return reparsed;
}
