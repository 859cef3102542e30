/**
 * The envguard library. `config()` loads `.env.encrypted` into `process.env` at run time with
 * the key from the environment, so production needs no plaintext file.
 */
export { EnvguardError, type ErrorCode } from './errors.js';
export { encryptToken, decryptToken } from './core/fernet.js';
export { parseKey, formatKey, fingerprint, shortKeyId, type FernetKey } from './core/key.js';
