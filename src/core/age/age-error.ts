import { EnvguardError } from '../../errors.js';

/**
 * Which stage of opening an age file failed. The C2SP CCTV vectors name these stages
 * (`armor failure`, `header failure`, `no match`, `HMAC failure`, `payload failure`), and
 * telling them apart keeps a parsing bug from hiding behind a later "wrong key".
 */
export type AgeFailure = 'armor' | 'header' | 'no-match' | 'hmac' | 'payload' | 'key';

const MESSAGES: Record<AgeFailure, string> = {
  armor: 'is not a valid armored age file',
  header: 'has a malformed age header',
  'no-match': 'is not encrypted to this identity',
  hmac: 'was changed or damaged (age header check failed)',
  payload: 'was changed or damaged (age payload check failed)',
  key: 'holds a malformed age key',
};

/**
 * An age file or key that could not be used. The message names the file and the stage, never a
 * byte of key material; `failure` is for callers and tests that must tell the stages apart.
 */
export class AgeError extends EnvguardError {
  readonly failure: AgeFailure;

  constructor(failure: AgeFailure, what: string, detail?: string) {
    const refused = failure === 'no-match' || failure === 'hmac' || failure === 'payload';
    super(refused ? 'DECRYPT_FAILED' : 'FORMAT_INVALID', `${what} ${MESSAGES[failure]}${detail ? `: ${detail}` : ''}`, {
      hint: failure === 'no-match' ? 'ask a member to grant this machine access (`envguard access request` prints the line)' : 'restore the file from git (`git checkout -- <file>`) or ask a member to grant access again',
    });
    this.failure = failure;
  }
}
