import { EnvguardError } from '../../errors.js';

/**
 * The ref lines git hands push hooks on stdin (githooks(5)):
 * pre-push `<local-ref> <local-sha> <remote-ref> <remote-sha>`, pre-receive `<old> <new> <ref>`.
 * A sha of all zeros means "no such ref": a new branch on one side, a deletion on the other.
 */

export interface RefUpdate {
  ref: string;
  /** The commit the ref will point to; undefined for a deletion. */
  newSha: string | undefined;
  /** What the receiving side has now; undefined for a new ref. */
  oldSha: string | undefined;
}

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const ZERO = /^0+$/;

function sha(text: string): string | undefined {
  return ZERO.test(text) ? undefined : text;
}

function malformed(hook: string, lineNumber: number, expected: string): EnvguardError {
  return new EnvguardError('USAGE', `${hook}: line ${lineNumber} of stdin is not "${expected}"`, {
    hint: `git writes these lines itself; if you call \`envguard hook ${hook}\` by hand, pipe one "${expected}" line per ref into it`,
  });
}

/** Parses pre-push stdin. Blank lines are skipped; anything else malformed is a usage error. */
export function parsePrePushLines(input: string): RefUpdate[] {
  return lines(input).map(({ text, number }) => {
    const parts = text.split(' ');
    if (parts.length !== 4 || !SHA.test(parts[1] as string) || !SHA.test(parts[3] as string)) throw malformed('pre-push', number, '<local-ref> <local-sha> <remote-ref> <remote-sha>');
    const [, localSha, remoteRef, remoteSha] = parts as [string, string, string, string];
    return { ref: remoteRef, newSha: sha(localSha), oldSha: sha(remoteSha) };
  });
}

/** Parses pre-receive stdin (also what post-receive and the `update` hook's arguments carry). */
export function parsePreReceiveLines(input: string): RefUpdate[] {
  return lines(input).map(({ text, number }) => {
    const parts = text.split(' ');
    if (parts.length !== 3 || !SHA.test(parts[0] as string) || !SHA.test(parts[1] as string) || (parts[2] as string) === '') {
      throw malformed('pre-receive', number, '<old-sha> <new-sha> <ref>');
    }
    const [oldSha, newSha, ref] = parts as [string, string, string];
    return { ref, newSha: sha(newSha), oldSha: sha(oldSha) };
  });
}

function lines(input: string): Array<{ text: string; number: number }> {
  return input
    .split('\n')
    .map((text, index) => ({ text: text.replace(/\r$/, ''), number: index + 1 }))
    .filter(({ text }) => text.trim() !== '');
}
