import { envFlag } from '../../core/env-files.js';
import type { Wording } from '../../errors.js';

/** A name as a message may show it: printable ASCII only (it came from the command line). */
const shown = (name: string) => name.replace(/[^\x20-\x7e]/g, '?');

/**
 * What the access use cases (`envguard access …`, `verify`'s grant check, the key lookup through
 * access files) say to the user, in one place so the wording is reviewed together. Each returns
 * the line and its fix; the use case picks the error code (or the Problem's code).
 */
export const ACCESS_MESSAGES = {
  // which environment
  noLedger: (): Wording => ({ message: 'no ledger found at the repository top', hint: 'run `envguard init` first' }),
  noSuchEnvironment: (ledgerFile: string, environment: string): Wording => ({
    message: `${ledgerFile} does not exist, so environment "${environment}" has no key`,
    hint: `run \`envguard init --env ${environment}\`, or name another environment with --env`,
  }),
  notCurrentKey: (environment: string, keyId: string, currentKeyId: string): Wording => ({
    message: `your key for "${environment}" (${keyId}) is not the ledger's current key ${currentKeyId}`,
    hint: 'pull the latest commits (a teammate rotated it), then try again',
  }),

  // grant
  nameMissing: (): Wording => ({ message: 'a member needs a name', hint: 'add `--name "Bob <bob@example.com>"`' }),
  recipientIsMember: (environment: string, memberId: string): Wording => ({
    message: `that recipient is already a member of "${environment}" as ${memberId}`,
    hint: `re-grant them under that name, or revoke ${memberId} first (\`envguard access revoke ${memberId} --reason …\`)`,
  }),

  // revoke
  reasonMissing: (): Wording => ({ message: 'a revocation needs a reason (it is recorded in the ledger)', hint: 'add `--reason "left the team"`' }),
  lastMember: (memberId: string, environment: string): Wording => ({
    message: `cannot revoke ${memberId}: they are the last member of "${environment}" and nobody would hold its key`,
    hint: 'grant someone else first (`envguard access grant <recipient> --name …`), then revoke',
  }),
  noSuchMember: (member: string, environment?: string): Wording => ({
    message: `no member "${shown(member)}" in ${environment === undefined ? 'any environment' : `"${environment}"`}`,
    hint: '`envguard access list` shows each member id; use one of those',
  }),

  // access list / ls
  ledgerDoesNotVerify: (environment: string) => `the ledger of "${environment}" does not verify: run \`envguard verify\``,
  invalidGrants: (count: number) => `${count} invalid (run \`envguard verify\`)`,
  noAccessFiles: 'no access files',

  // a pull that finds this machine revoked
  lostAccess: (found: { newKeyId: string; envFile: string; envName: string; who: string; day: string; reason: string; revoked: string }): Wording => ({
    message: `you no longer have access to the current key ${found.newKeyId} of ${found.envFile}: ${found.who} rotated it on ${found.day} (${found.reason}), revoking ${found.revoked}, and no access file opens with this machine's identity; the history you could read stays readable with the old key this machine keeps`,
    hint: `if this is a mistake, run \`envguard access request${envFlag(found.envName)}\` and send the line to a member`,
  }),

  // verify: one access file that does not verify or does not belong
  strayFile: (file: string, directory: string): Wording => ({ message: `${file} is not an access file: only <member-id>.age and <member-id>.json belong in ${directory}`, hint: 'move it elsewhere' }),
  ageWithoutGrant: (ageFile: string): Wording => ({ message: `${ageFile} has no grant beside it`, hint: 'delete it, or grant the member again (`envguard access grant`)' }),
  unparsableGrant: (grantFile: string, reason: string): Wording => ({ message: `${grantFile} ${reason}`, hint: 'restore it from git, or delete it and grant again' }),
  grantWithoutAge: (grantFile: string, ageFile: string): Wording => ({ message: `${grantFile} has no wrapped key (${ageFile.replace(/^.*\//, '')}) beside it`, hint: 'delete it, or grant the member again' }),
  revokedMember: (grantFile: string, day: string): Wording => ({ message: `${grantFile} belongs to a member revoked on ${day}`, hint: 'delete both of their files' }),
  accessWithoutLedger: (directory: string, environment: string): Wording => ({ message: `${directory} is for an environment with no ledger`, hint: `delete it, or run \`envguard init --env ${environment}\`` }),
};
