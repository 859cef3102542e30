import type { ChalkInstance } from 'chalk';
import type { Wording } from '../../errors.js';

/**
 * What `envguard access …` and `envguard ls` print, in one place so the wording is reviewed
 * together (what the access use cases themselves say is in ops/access/messages.ts).
 */
export const ACCESS_CLI_MESSAGES = {
  envWithAll: (): Wording => ({ message: '--env and --all cannot be used together', hint: 'use `--env NAME` for one environment or `--all` for every one' }),
  identityCreated: (source: string) => `envguard: created your identity in ${source} (keep it private; back it up like an ssh key)`,
  sendRequest: 'envguard: send this line to a teammate who has the key; once they commit and push it, your next `git pull` decrypts .env:',
  granted: (color: ChalkInstance, replaced: boolean, memberId: string, environment: string, files: readonly string[]) =>
    `${color.green(replaced ? 're-granted' : 'granted')} ${memberId} access to ${environment} (staged ${files.join(', ')})`,
  grantNext: '  next: git commit -m "Grant access" && git push; their next pull decrypts it',
  noAccessFiles: 'no access files yet: `envguard access grant <recipient> --name …` adds a member',
  member: (row: { environment: string; memberId: string; kind: string; name: string; grantedBy: string; grantedAt: string }) =>
    `${row.environment}  ${row.memberId}  ${row.kind}  ${row.name}  granted by ${row.grantedBy} on ${row.grantedAt.slice(0, 10)}`,
  invalidMember: (color: ChalkInstance, row: { environment: string; memberId: string; problem?: string }) => `${color.red('INVALID')} ${row.environment}  ${row.memberId}  ${row.problem ?? ''}`,
  revokedStillHaveOldKey: '  remember: they still have the old key and every commit up to now; change the credentials themselves if they leaked',

  // ls
  lsHeader: ['ENVIRONMENT', 'FILES', 'KEY', 'ACCESS', 'MEMBERS'],
  notManaged: (environment: string) => `not managed: run \`envguard init --env ${environment}\``,
};
