import { EnvguardError, exitCodeOf } from '../errors.js';
import { printableFirstLine } from '../core/text/printable.js';
import { fixLine, problemLine } from '../problem.js';
import { createOutput, type Output } from './output.js';

/**
 * The single place where errors become exit codes and messages: `envguard: [CODE] message` and
 * `  fix: hint` on stderr; under `--json` (or `--format json`) also a JSON error object on stdout;
 * with `ENVGUARD_DEBUG=1` the chain of causes (names and messages, never a value).
 * Command actions return an exit code (0 unless they refuse something) or throw.
 */
export async function runAction(action: (output: Output) => Promise<number> | number): Promise<void> {
  const output = createOutput();
  try {
    process.exitCode = await action(output);
  } catch (error) {
    process.exitCode = reportError(output, error);
  }
}

let jsonErrors = false;

/** Set by the CLI entry before an action runs, from that command's `--json`/`--format json`. */
export function reportErrorsAsJson(on: boolean): void {
  jsonErrors = on;
}

export function reportError(output: Output, error: unknown, env: NodeJS.ProcessEnv = process.env): number {
  const exitCode = exitCodeOf(error);
  if (error instanceof EnvguardError) {
    output.err(output.color.red(`envguard: ${problemLine(error)}`));
    if (error.hint) output.err(fixLine(error.hint));
    if (jsonErrors) output.json({ error: { code: error.code, message: error.message, hint: error.hint, exitCode } });
  } else {
    // Not one of ours: show the message's first line, control characters removed, but never a
    // stack (it could include argument values).
    const message = printableFirstLine(error instanceof Error ? error.message : String(error));
    output.err(output.color.red(`envguard: ${problemLine({ code: 'UNEXPECTED', message: `unexpected error: ${message}` })}`));
    output.err(fixLine('run again with ENVGUARD_DEBUG=1 and report the issue'));
    if (jsonErrors) output.json({ error: { code: 'UNEXPECTED', message, exitCode } });
  }
  if (env.ENVGUARD_DEBUG === '1') for (const line of causeLines(error)) output.err(output.color.dim(`  cause: ${line}`));
  return exitCode;
}

/**
 * The causes under an error, one line each: the error's name (and errno code) and the first line
 * of its message, control characters removed. Causes are git's stderr, fs errors and our own
 * errors; none is given a secret (keyCommand failures keep no cause: their output may be the key).
 */
export function causeLines(error: unknown): string[] {
  const lines: string[] = [];
  let cause = error instanceof Error ? error.cause : undefined;
  for (let depth = 0; cause !== undefined && depth < 8; depth++) {
    if (cause instanceof Error) {
      const errno = (cause as NodeJS.ErrnoException).code;
      lines.push(printableFirstLine(`${cause.name}${errno ? ` ${errno}` : ''}: ${cause.message}`));
      cause = cause.cause;
    } else {
      lines.push(printableFirstLine(String(cause)));
      cause = undefined;
    }
  }
  return lines;
}
