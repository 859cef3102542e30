import { envFlag } from '../core/env-files.js';
import type { Wording } from '../errors.js';

/**
 * What the use cases on an environment's files say (`encrypt`, `decrypt`, `edit`, `set`/`unset`,
 * `show`, `run`, `scan --since`), in one place so the wording is reviewed together. Names,
 * paths and key ids only: never a value.
 */
export const ENV_OP_MESSAGES = {
  // which files
  noSuchEnvironment: (envName: string, encryptedFile: string, known: readonly string[]): Wording => ({
    message: `no environment ${envName} here (no ${encryptedFile})${known.length > 0 ? `; environments: ${known.join(', ')}` : ''}`,
    hint: `create it with \`envguard init${envFlag(envName)}\``,
  }),
  noEnvFiles: (envFile: string, encryptedFile: string): Wording => ({ message: `neither ${envFile} nor ${encryptedFile} exists`, hint: `create ${envFile}, then run \`envguard init\`` }),
  showMissing: (file: string, envName: string, known: readonly string[]): Wording => ({
    message: `${file} does not exist (environment ${envName})${known.length > 0 ? `; environments here: ${known.join(', ')}` : ''}`,
    hint: known.length > 0 && !known.includes(envName) ? `pass one of them: \`envguard show --env ${known[0]}\`, or create ${envName} with \`envguard init --env ${envName}\`` : `run \`envguard encrypt${envFlag(envName)}\` first, or pass another --env`,
  }),
  runMissing: (encryptedPath: string, envName: string, envPath: string): Wording => ({
    message: `${encryptedPath} does not exist (environment ${envName})`,
    hint: `encrypt it with \`envguard encrypt${envName === 'default' ? '' : ` --env-path ${envPath}`}\`, or pick another --env`,
  }),
  noVariable: (file: string, name: string, envName: string): Wording => ({ message: `${file} has no variable named ${name}`, hint: `list the names with \`envguard show${envFlag(envName)}\`` }),
  noVariableToUnset: (envFile: string, name: string, flag: string): Wording => ({
    message: `${envFile} has no variable named ${name}`,
    hint: `list the names with \`envguard show${flag}\`, or set it with \`envguard set${flag} ${name} -\``,
  }),

  // under another key
  encryptUnderOtherKey: (encryptedFile: string, fileKeyId: string, keyId: string): Wording => ({
    message: `${encryptedFile} is under key ${fileKeyId} but your key is ${keyId}`,
    hint: 'someone may have rotated the key: run `envguard status`, import the current key with `envguard key import`, or overwrite with `envguard encrypt --force`',
  }),
  notDecrypted: (file: string, why: string) => `${file} not decrypted: ${why}`,
  cannotChange: (envFile: string, why: string) => `cannot change ${envFile}: ${why}`,

  notRoundTrip: (file: string): Wording => ({ message: `encrypting ${file} did not round-trip; nothing was written`, hint: 'report this as a bug' }),
  localEdits: (envFile: string, encryptedFile: string): Wording => ({
    message: `${envFile} differs from ${encryptedFile}; not overwritten`,
    // Not "run envguard encrypt": when the encrypted file holds a teammate's change, that would write the old values back over it.
    hint: `see the file's version with \`envguard decrypt --stdout\` and merge it into ${envFile} by hand (then commit), or discard your edits with \`envguard decrypt --force\``,
  }),

  // edit
  editorFailed: (status: number, envFile: string): Wording => ({
    message: `the editor exited with status ${status}; ${envFile} is unchanged`,
    hint: 'set $VISUAL or $EDITOR to an editor that waits for you (e.g. `code --wait`), then run `envguard edit` again',
  }),
  editInvalid: (why: string, envFile: string, copy: string): Wording => ({
    message: `${why}; ${envFile} is unchanged`,
    hint: `your edited text is kept in ${copy}: fix it there and copy it over ${envFile}, then run \`envguard encrypt\``,
  }),

  // env files init never set up, or that git tracks
  notAnEnvironment: (file: string, envName: string): Wording => ({ message: `${file} is not an envguard environment: it is never encrypted or committed`, hint: `envguard init${envFlag(envName)}` }),
  trackedPlaintext: (file: string): Wording => ({
    message: `${file} is tracked by git in plaintext`,
    hint: `git rm --cached -- '${file}' && git commit -m "Stop tracking ${file}", then change the secrets it held: they stay in the history`,
  }),

  // scan --since
  noSuchSince: (rev: string): Wording => ({ message: `--since ${rev}: no such commit`, hint: 'pass a commit, branch or tag, e.g. `envguard scan --since origin/main`' }),
};
