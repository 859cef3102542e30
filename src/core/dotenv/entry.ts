import type { EnvDocument } from './types.js';

export { parseSingleEntry } from './single-entry.js';
export { setEntryValue, setEntryValues } from './set-entry-value.js';

/**
 * The variables a document defines, as `dotenv.parse()` would load them: when a name appears
 * more than once the last entry wins (every duplicate stays in the document's text).
 */
export function entryValues(doc: EnvDocument): Map<string, string> {
  const values = new Map<string, string>();
  for (const node of doc.nodes) if (node.kind === 'entry') values.set(node.name, node.value);
  return values;
}
