/**
 * The one error type envguard throws. Every failure carries a fixed code, a one-line
 * message that never contains a secret, and a hint that names the command that fixes it.
 */
export type ErrorCode =
  // exit 1: refused
  | 'SECRET_FOUND'
  | 'PLAINTEXT_STAGED'
  | 'VERIFY_FAILED'
  | 'ROTATION_OVERDUE'
  | 'DECRYPT_FAILED'
  /** A file is under another key than this machine's (most often: a teammate rotated). */
  | 'KEY_MISMATCH'
  | 'LEDGER_INVALID'
  /** An encrypted file holds a token older than the one it replaces: an old value pasted back. */
  | 'TOKEN_REPLAY'
  /** An access grant (`.envguard/access/…`) does not verify or does not belong where it is. */
  | 'GRANT_INVALID'
  | 'LOCAL_CHANGES'
  | 'CONFLICT'
  | 'CANCELLED'
  | 'NOT_DUE'
  // exit 2: usage or configuration
  | 'USAGE'
  | 'CONFIG_INVALID'
  | 'KEY_INVALID'
  | 'PARSE_ERROR'
  | 'FORMAT_INVALID'
  | 'NOT_FOUND'
  // exit 3: environment
  | 'NOT_A_GIT_REPO'
  | 'GIT_MISSING'
  | 'GIT_FAILED'
  | 'KEY_MISSING'
  | 'KEY_COMMAND_FAILED'
  | 'KEY_COMMAND_UNAPPROVED'
  | 'IO_ERROR'
  | 'ROTATION_INTERRUPTED'
  | 'LOCKED';

const EXIT_CODES: Record<ErrorCode, 1 | 2 | 3> = {
  SECRET_FOUND: 1,
  PLAINTEXT_STAGED: 1,
  VERIFY_FAILED: 1,
  ROTATION_OVERDUE: 1,
  DECRYPT_FAILED: 1,
  KEY_MISMATCH: 1,
  LEDGER_INVALID: 1,
  TOKEN_REPLAY: 1,
  GRANT_INVALID: 1,
  LOCAL_CHANGES: 1,
  CONFLICT: 1,
  CANCELLED: 1,
  NOT_DUE: 1,
  USAGE: 2,
  CONFIG_INVALID: 2,
  KEY_INVALID: 2,
  PARSE_ERROR: 2,
  FORMAT_INVALID: 2,
  NOT_FOUND: 2,
  NOT_A_GIT_REPO: 3,
  GIT_MISSING: 3,
  GIT_FAILED: 3,
  KEY_MISSING: 3,
  KEY_COMMAND_FAILED: 3,
  KEY_COMMAND_UNAPPROVED: 3,
  IO_ERROR: 3,
  ROTATION_INTERRUPTED: 3,
  LOCKED: 3,
};

export interface EnvguardErrorOptions {
  /** What to run or change to fix it; shown after the message. */
  hint?: string;
  cause?: unknown;
}

export class EnvguardError extends Error {
  override readonly name = 'EnvguardError';
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: EnvguardErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
  }

  /** The process exit code for this error (DESIGN.md: 1 refused, 2 usage, 3 environment). */
  get exitCode(): 1 | 2 | 3 {
    return EXIT_CODES[this.code];
  }
}

/** Exit code for any thrown value: envguard errors map by code, anything else is an environment problem. */
export function exitCodeOf(error: unknown): 1 | 2 | 3 {
  return error instanceof EnvguardError ? error.exitCode : 3;
}

export function isEnvguardError(error: unknown, code?: ErrorCode): error is EnvguardError {
  return error instanceof EnvguardError && (code === undefined || error.code === code);
}

/** A line and its fix, as a messages module words them (`ops/<area>/messages.ts`, `cli/messages/<area>.ts`). */
export interface Wording {
  message: string;
  hint: string;
}

/** An `EnvguardError` from a messages module's wording: `throw failure('USAGE', ACCESS_MESSAGES.nameMissing())`. */
export function failure(code: ErrorCode, wording: Wording, cause?: unknown): EnvguardError {
  return new EnvguardError(code, wording.message, { hint: wording.hint, ...(cause === undefined ? {} : { cause }) });
}
