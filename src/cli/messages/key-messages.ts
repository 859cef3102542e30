import type { Wording } from '../../errors.js';

/** What `envguard key export|import|fingerprint` prints, in one place so the wording is reviewed together. */
export const KEY_MESSAGES = {
  exportAllTakesNoFlags: (): Wording => ({ message: '--all exports every environment as one bundle; it takes no --env or --format', hint: 'run `envguard key export --all`' }),
  exportedSecret: 'envguard: this is a secret: share it over a secure channel, never in chat or git',
  pasteKey: 'envguard: paste the key (or the bundle from `key export --all`), then press Enter and Ctrl-D',
  /** `readStdin`'s name for what it reads, and the fix when stdin is a terminal. */
  stdinWhat: 'the key',
  stdinHint: 'pipe it in: `envguard key import < key.txt`',
  bundleTakesNoEnv: (): Wording => ({ message: 'a key bundle names its environments; --env does not apply', hint: 'run `envguard key import` without --env' }),
  stored: (keyId: string, envName: string, decrypted: boolean) => `envguard: stored key ${keyId} for environment "${envName}"${decrypted ? '; decrypted the env file' : ''}`,
  notice: (notice: string) => `envguard: ${notice}`,
  fingerprint: (info: { fingerprint: string; keyId: string; source: string }) => `${info.fingerprint}  (key id ${info.keyId}, from ${info.source})`,
};
