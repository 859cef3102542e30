import { envFlag } from '../../core/env-files.js';
import type { Wording } from '../../errors.js';
import { LEDGER_MESSAGES } from '../ledger-messages.js';

/** The fix for most damage found while resuming: abandon the attempt (the old files come back). */
const undoHint = (environment: string) => `undo the rotation with \`envguard rotate${envFlag(environment)} --rollback\``;

/**
 * What `envguard rotate` says (`rotate.ts` and `rotation/`), in one place so the wording is
 * reviewed together. Environment names, paths, member ids and key ids only: never a value or a
 * key. The overdue-rotation policy is worded with the ledger checks (ledger-messages.ts).
 */
export const ROTATION_MESSAGES = {
  // before anything changes (rotate.ts, preflight.ts)
  noLedgers: (): Wording => ({ message: 'no ledger found at the repository top, so there is nothing to rotate', hint: 'run `envguard init` first' }),
  noLedger: (ledgerFile: string, environment: string): Wording => ({
    message: `${ledgerFile} does not exist, so environment "${environment}" has no key to rotate`,
    hint: `run \`envguard init --env ${environment}\``,
  }),
  noProjectId: (ledgerFile: string, environment: string): Wording => ({ message: `${ledgerFile} has no projectId`, hint: `see \`envguard verify --env ${environment}\`` }),
  alreadyInterrupted: (environment: string, startedAt: string, phase: string): Wording => ({
    message: `a rotation of "${environment}" started ${startedAt} was interrupted (phase ${phase})`,
    hint: LEDGER_MESSAGES.interruptedRotation(envFlag(environment)),
  }),
  nothingInterrupted: (mode: 'resume' | 'rollback', environment?: string): Wording => ({
    message: `no interrupted rotation${environment === undefined ? '' : ` of "${environment}"`} to ${mode === 'resume' ? 'resume' : 'roll back'}`,
    hint: '`envguard status` shows interrupted rotations',
  }),
  notCurrentKey: (environment: string, keyId: string, source: string, currentKeyId: string): Wording => ({
    message: `your key for "${environment}" (${keyId}, from ${source}) is not the ledger's current key ${currentKeyId}`,
    hint: `someone rotated it: \`envguard status\` says who; get the current key (\`envguard key import${envFlag(environment)}\`) and rotate again`,
  }),

  // the access files (rewrap.ts)
  grantProblem: (environment: string, problem: string): Wording => ({ message: `cannot rotate "${environment}": ${problem}`, hint: 'fix the access files first (`envguard verify` lists them)' }),
  unknownMembers: (memberIds: readonly string[], environment: string): Wording => ({
    message: `no member ${memberIds.join(', ')} in "${environment}"`,
    hint: `\`envguard access list\` shows the members of each environment`,
  }),
  lastMember: (environment: string): Wording => ({
    message: `cannot revoke the last member of "${environment}": nobody would hold its key`,
    hint: `grant someone else first (\`envguard access grant <recipient> --name …${envFlag(environment)}\`), then revoke`,
  }),
  accessCopyMissing: (environment: string): Wording => ({ message: 'the saved copy of the access files is missing', hint: undoHint(environment) }),
  grantCopyMissing: (memberId: string, environment: string): Wording => ({ message: `the saved grant of ${memberId} is missing`, hint: undoHint(environment) }),
  accessCopyHint: 'it is in the rotation work dir',

  // resuming (rotate.ts, rotation-run.ts, forward.ts)
  oldKeyMissing: (oldKeyId: string, environment: string): Wording => ({
    message: `the key ${oldKeyId} that the interrupted rotation started from is not in the key store`,
    hint: `import it with \`envguard key import${envFlag(environment)}\`, then run \`envguard rotate${envFlag(environment)} --rollback\``,
  }),
  newKeyMissing: (newKeyId: string, environment: string): Wording => ({ message: `the new key ${newKeyId} of the interrupted rotation is not in the key store`, hint: undoHint(environment) }),
  workFileHint: 'undo the rotation with `envguard rotate --rollback`, then rotate again',
  newCopyDamaged: (file: string, workDir: string, environment: string): Wording => ({ message: `the re-encrypted copy of ${file} in ${workDir} is damaged`, hint: undoHint(environment) }),
  ledgerChanged: (ledgerFile: string, environment: string): Wording => ({
    message: `${ledgerFile} changed while the rotation was interrupted (pulled or edited?)`,
    hint: `${undoHint(environment)}, then rotate again`,
  }),
  changedUnderneath: (file: string, environment: string): Wording => ({
    message: `${file} was changed while the rotation was interrupted; it is neither the old nor the new version`,
    hint: `${undoHint(environment)} (it keeps the file as it is now), then rotate again`,
  }),

  // rolling back (roll-back.ts)
  oldCopyDamaged: (file: string): Wording => ({ message: `the copy of the old ${file} is damaged`, hint: `restore it from git (\`git checkout HEAD -- ${file}\`)` }),
};
