/** The lossless `.env` model: parse, serialise, and per-entry helpers. */
export type { EnvDocument, EnvEntry, EnvNode, EnvTrivia } from './types.js';
export { parseDotenv } from './parse.js';
export { serializeDotenv } from './serialize.js';
export { entryValues, parseSingleEntry, setEntryValue, setEntryValues } from './entry.js';
