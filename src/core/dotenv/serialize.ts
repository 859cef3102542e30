import type { EnvDocument } from './types.js';

/**
 * Writes a document back to text: the byte order mark if it had one, then every node's exact
 * source and line terminator. For an unmodified `parseDotenv` result this is the original text.
 */
export function serializeDotenv(doc: EnvDocument): string {
  let text = doc.bom ? '\ufeff' : '';
  for (const node of doc.nodes) text += node.source + node.newline;
  return text;
}
