import type { Wording } from '../../errors.js';
import { incomingPathFor } from '../../core/env-files.js';

/**
 * What the pre-commit hook says when it refuses a file or tells the developer something
 * (`encrypt-for-commit.ts`, `refusals.ts`, `pre-commit.ts`), in one place so the wording is
 * reviewed together. File and variable names only: never a value.
 */
export const PRE_COMMIT_MESSAGES = {
  // the encryption pass
  envHasConflictMarkers: (envFile: string): Wording => ({
    message: `${envFile} still has merge conflict markers`,
    hint: `edit ${envFile} to keep one line per variable, then commit again`,
  }),
  incomingWaiting: (envFile: string): Wording => ({ message: `${incomingPathFor(envFile)} is waiting to be merged into ${envFile}`, hint: mergeByHand(envFile) }),
  noKeyToEncrypt: (envFile: string) => `${envFile} has changes but there is no key to encrypt them`,
  cannotEncryptUnderOtherKey: (envFile: string, why: string) => `cannot encrypt ${envFile}: ${why}`,
  restoreStaged: (encryptedFile: string) => `restore it with \`git checkout HEAD -- ${encryptedFile}\``,
  bothChanged: (envFile: string, encryptedFile: string, names: readonly string[], incomingFile: string): Wording => ({
    message: `${encryptedFile} changed since ${envFile} was last decrypted, and both change ${names.join(', ')}; the staged version is in ${incomingFile}`,
    hint: mergeByHand(envFile),
  }),
  fixEnvFile: (envFile: string) => `fix ${envFile}`,

  // the staged-file checks
  keyFileStaged: (file: string): Wording => ({ message: 'a key file is staged', hint: `git rm --cached -- '${file}', and keep keys in the key store (envguard key import)` }),
  plaintextStaged: () => 'a plaintext env file is staged',
  checkoutStaged: (encryptedFile: string) => `git checkout -- ${encryptedFile}`,
  unresolvedConflict: (envFile: string, encryptedFile: string): Wording => ({
    message: 'unresolved merge conflict',
    hint: `resolve it in ${envFile}, then \`git add ${encryptedFile}\` and commit again`,
  }),
  rewriteFromEnv: (envFile: string) => `run \`envguard encrypt --force\` to rewrite it from ${envFile}`,
  keyInEncryptedFile: (encryptedFile: string): Wording => ({
    message: 'the key itself is in the encrypted file',
    hint: `git checkout -- ${encryptedFile} && envguard encrypt`,
  }),

  // the run's notices
  mergedIncoming: (envFile: string, encryptedFile: string) => `${encryptedFile} had changed since ${envFile} was last decrypted; merged those changes into ${envFile} with yours`,
  commitAgain: (staged: readonly string[]) =>
    `only ${staged.join(', ')} changed; if git now says "nothing to commit", run the same git commit again (the file is updated and staged), or commit .env-only changes with \`git commit --allow-empty\``,
  unmanagedEnvFile: (notice: string, fix: string) => `${notice}; to encrypt and share it: ${fix}`,
};

function mergeByHand(envFile: string): string {
  const incomingFile = incomingPathFor(envFile);
  return `merge ${incomingFile} into ${envFile} by hand, delete ${incomingFile}, then commit again`;
}
