import { EnvguardError, exitCodeOf } from '../errors.js';
import { createOutput, type Output } from './output.js';

/**
 * The single place where errors become exit codes and one-line messages (with the fix).
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

export function reportError(output: Output, error: unknown): number {
  if (error instanceof EnvguardError) {
    output.err(output.color.red(`envguard: ${error.message}`));
    if (error.hint) output.err(`  fix: ${error.hint}`);
  } else {
    // Not one of ours: show the message but never a stack (it could include argument values).
    output.err(output.color.red(`envguard: unexpected error: ${error instanceof Error ? error.message : String(error)}`));
    output.err('  fix: run again with ENVGUARD_DEBUG=1 and report the issue');
  }
  return exitCodeOf(error);
}
