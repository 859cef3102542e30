import type { Wording } from '../errors.js';

/**
 * What the key use cases (`key export`, `key import`, the bundle of every key, `allow` for a
 * keyCommand) say to the user, in one place so the wording is reviewed together. Names, key ids
 * and paths only: never a key.
 */
export const KEY_OP_MESSAGES = {
  k8sNeedsName: (): Wording => ({ message: '--format k8s-secret needs --name', hint: 'e.g. `envguard key export --format k8s-secret --name myapp-envguard`' }),
  noProjectForKey: (envFile: string): Wording => ({
    message: `no ledger (${envFile}.ledger.json) here, so there is no project to store the key for`,
    hint: 'run this in the project root after `git pull`, or run `envguard init` to start a new project',
  }),
  noEnvironmentsToExport: (): Wording => ({ message: 'no ledger here, so there are no environments to export', hint: 'run this in the project root, or `envguard init` first' }),
  noProjectForBundle: (): Wording => ({ message: 'no ledger here, so there is no project to store the keys for', hint: 'run this in the project root after `git pull`' }),
  bundleForAnotherProject: (bundleProjectId: string, projectId: string): Wording => ({
    message: `this key bundle is for another project (${bundleProjectId}); this one is ${projectId}; nothing stored`,
    hint: 'export the bundle from a clone of this project: `envguard key export --all` there',
  }),
  copyKeyAgain: (envFlag: string) => `copy the whole key again (44 characters, ending in "="), as \`envguard key export${envFlag}\` prints it on a teammate's machine`,
  askForCurrentKey: (envFlag: string, fileKeyId: string) =>
    `ask for the current key (\`envguard key export${envFlag}\` on a machine where \`envguard status\` shows key ${fileKeyId}), or store it anyway with --force`,
  retiredKey: (keyId: string, who: string, day: string, encryptedFile: string, fileKeyId: string) =>
    `this is the old key ${keyId}: ${who} rotated it out on ${day}; ${encryptedFile} is under key ${fileKeyId} now`,
  otherKey: (keyId: string, encryptedFile: string, fileKeyId: string) => `this key (id ${keyId}) does not match ${encryptedFile} (key ${fileKeyId})`,
  storedNotDecrypted: (encryptedFile: string, why: string) => `key stored, but ${encryptedFile} could not be decrypted: ${why}`,

  // a file under a key this machine does not have (support/key-change.ts)
  keyChanged: (envFile: string, newKeyId: string, rotatedBy: string, envFlag: string): Wording => ({
    message: `the key changed: ${envFile}.encrypted is now under key ${newKeyId}${rotatedBy}, which this machine does not have`,
    hint: `ask a member to grant you access (run \`envguard access request${envFlag}\` and send them the line), or ask the teammate who rotated for the new key (\`envguard key export${envFlag}\` on their side) and run \`envguard key import${envFlag}\``,
  }),
  /** Quoted from a verified ledger; the caller strips control characters. */
  rotatedBy: (actor: { name: string; email: string }, day: string, reason: string) => ` (rotated by ${actor.name} <${actor.email}> on ${day}: ${reason})`,
  wrongVariable: (variable: string, keyId: string, envFile: string, newKeyId: string, elsewhere: string | undefined, envFlag: string): Wording => ({
    message: `${variable} holds key ${keyId}, but ${envFile}.encrypted is under key ${newKeyId}${elsewhere ? ` (the ${elsewhere} has that key)` : ', which this machine does not have'}`,
    hint: elsewhere
      ? `unset ${variable} (or set it to what \`envguard key export${envFlag}\` prints once it is unset)`
      : `set ${variable} to key ${newKeyId} (\`envguard key export${envFlag}\` on a machine that has it), or unset it and run \`envguard key import${envFlag}\``,
  }),

  noKeyCommand: (): Wording => ({ message: '.envguard.json has no keyCommand, so there is nothing to approve', hint: 'add "keyCommand" to .envguard.json first' }),
};
