import type { Wording } from '../../errors.js';

const staged = (encryptedFile: string) => `${encryptedFile} is staged: commit with \`git commit\``;

/**
 * What the commands that work on an environment's files print (`encrypt`, `decrypt`, `edit`,
 * `set`, `unset`, `show`, `allow`, the `--env` option), in one place so the wording is reviewed
 * together. Never given a value: names, paths and key ids only.
 */
export const ENV_MESSAGES = {
  envWithPath: (option: string): Wording => ({ message: `--env and --${option} both name the files`, hint: 'give one: `--env staging`, or the paths' }),

  encryptedUpToDate: (encryptedPath: string, keyId: string) => `envguard: ${encryptedPath} is up to date (key ${keyId})`,
  encrypted: (variables: number, envPath: string, encryptedPath: string, keyId: string, reused: number) =>
    `envguard: encrypted ${variables} variable(s) from ${envPath} into ${encryptedPath} (key ${keyId}${reused ? `, ${reused} unchanged` : ''})`,
  decryptedUpToDate: (envPath: string) => `envguard: ${envPath} is up to date`,
  decrypted: (encryptedPath: string, envPath: string, keyId: string) => `envguard: decrypted ${encryptedPath} into ${envPath} (key ${keyId})`,

  notEdited: (envFile: string) => `envguard: ${envFile} not changed`,
  edited: (envFile: string, encryptedFile: string) => `envguard: ${envFile} saved; ${staged(encryptedFile)}`,
  sameValue: (name: string, envFile: string) => `envguard: ${name} already has that value in ${envFile}; nothing changed`,
  set: (outcome: string, name: string, envFile: string, encryptedFile: string) => `envguard: ${outcome} ${name} in ${envFile}; ${staged(encryptedFile)}`,
  unset: (name: string, envFile: string, encryptedFile: string) => `envguard: removed ${name} from ${envFile}; ${staged(encryptedFile)}`,

  showHeader: (file: string, envName: string, keyId: string, count: number) => `${file} (environment ${envName}, key ${keyId}): ${count} variable(s)`,
  maskedValue: (length: number) => `**** (${length} chars)`,
  valueAge: (since: string | undefined) => (since === undefined ? 'age unknown' : since === 'just now' ? 'set just now' : `set ${since} ago`),
  sensitive: ' sensitive',

  // allow: the command is JSON-quoted by the caller (exact text, control characters inert)
  approvalShown: (quoted: string, approved: boolean) => `envguard: keyCommand ${quoted} is ${approved ? 'approved' : 'not approved'} on this machine`,
  approvalRemoved: (quoted: string, changed: boolean) => `envguard: ${changed ? 'withdrew the approval of' : 'there was no approval for'} keyCommand ${quoted}`,
  approved: (quoted: string, changed: boolean) => `envguard: ${changed ? 'approved' : 'already approved:'} keyCommand ${quoted}; envguard may now run it to fetch keys`,
};
