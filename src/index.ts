/**
 * The envguard library. `config()` loads `.env.encrypted` into `process.env` at run time with
 * the key from the environment, so production needs no plaintext file.
 */
export { config, parse, encrypt, decrypt, type ConfigOptions, type ConfigResult } from './library.js';
export { status, type StatusResult, type EnvironmentStatus } from './library-status.js';
export { mask, createMasker, createMaskingStream, MaskingTransform, type Masker, type MaskableValue } from './mask.js';
export { EnvguardError, type ErrorCode } from './errors.js';
export { encryptToken, decryptToken, tokenTimestamp } from './core/fernet.js';
export { parseKey, formatKey, fingerprint, shortKeyId, generateKey, type FernetKey } from './core/key.js';
export { parseDotenv } from './core/dotenv/parse.js';
export { serializeDotenv } from './core/dotenv/serialize.js';
export type { EnvDocument, EnvEntry, EnvNode } from './core/dotenv/types.js';
