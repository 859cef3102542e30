import type { ErrorCode } from './errors.js';

/**
 * One problem and its fix, whatever found it: a pre-commit refusal, a sync outcome the user must
 * act on, a policy breach, a status, ledger, access or CI finding. Never holds a secret value.
 *
 * `code` is an `ErrorCode` (printed `[CODE]`, mapped to an exit code) unless a checker reports
 * finer situations under one error code: the ledger (`LedgerProblem`, `schema`, `fork`, … all
 * `LEDGER_INVALID`) and the access grants (`AccessProblem`, all `GRANT_INVALID`) keep their own
 * union, which `envguard verify --json` has always printed as `code`.
 */
export interface Problem<Code extends string = ErrorCode> {
  code: Code;
  /** Repository-relative path, when the problem is in one file. */
  file?: string;
  line?: number;
  message: string;
  /** What to run or change to fix it. */
  hint: string;
}

/**
 * The one-line form hooks and the command line print (`[CODE] message`, after `envguard: `): the
 * file first, unless the message already starts with it (parser errors do). An `EnvguardError` is one too.
 */
export function problemLine(problem: Pick<Problem<string>, 'code' | 'file' | 'message'>): string {
  const text = problem.file && !problem.message.startsWith(`${problem.file}:`) ? `${problem.file}: ${problem.message}` : problem.message;
  return `[${problem.code}] ${text}`;
}

/** The line under a problem that says how to fix it (hooks and the command line print it alike). */
export function fixLine(hint: string): string {
  return `  fix: ${hint}`;
}

/**
 * A ledger verification finding as a Problem: `LEDGER_INVALID` in that file, the entry it is
 * about first (the ledger's own finer code stays in `envguard verify`'s report).
 */
export function ledgerProblem(file: string, found: { entry: number | null; message: string; hint: string }): Problem {
  return { code: 'LEDGER_INVALID', file, message: `${found.entry === null ? 'file' : `entry ${found.entry}`}: ${found.message}`, hint: found.hint };
}
