import { EnvguardError } from '../../errors.js';
import { parseDotenv } from './parse.js';
import { serializeDotenv } from './serialize.js';
import type { EnvDocument } from './types.js';

/**
 * Returns the document without any entry named `name` (every duplicate goes, so the name is
 * really unset), and how many were removed. Comments and blank lines stay where they are: a
 * comment above the entry may describe more than that one variable. The file's last line keeps
 * ending the way it did.
 */
export function removeEntry(doc: EnvDocument, name: string): { doc: EnvDocument; removed: number } {
  const nodes = doc.nodes.filter((node) => node.kind !== 'entry' || node.name !== name);
  const removed = doc.nodes.length - nodes.length;
  if (removed === 0) return { doc, removed };
  const endedWithoutNewline = doc.nodes.at(-1)?.newline === '';
  const last = nodes.at(-1);
  if (endedWithoutNewline && last !== undefined && last.newline !== '') nodes[nodes.length - 1] = { ...last, newline: '' };
  // Re-parsed so line numbers are those a fresh parse gives, and checked: a quoted value's
  // closing quote is found by scanning on, so removing a neighbour must not change what remains.
  const reparsed = parseDotenv(serializeDotenv({ bom: doc.bom, nodes }));
  const same = reparsed.nodes.length === nodes.length && reparsed.nodes.every((node, i) => node.source === nodes[i]?.source);
  if (!same) {
    throw new EnvguardError('FORMAT_INVALID', `removing ${name} would change how the lines around it read`, { hint: 'remove it by hand with `envguard edit`' });
  }
  return { doc: reparsed, removed };
}
