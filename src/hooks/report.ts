import { printable } from '../core/text/printable.js';
import { wantsColour } from '../io/colour-policy.js';
import { stderrFd, type StderrFd } from '../io/stderr.js';
import { fixLine, problemLine, type Problem } from '../problem.js';

/**
 * Hook output: short plain lines on stderr that read well in a terminal and in GUI clients
 * (no spinners; colour as the CLI decides it: io/colour-policy.ts).
 */
export interface HookIO {
  say(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

export function createHookIO(env: NodeJS.ProcessEnv = process.env, stderr: StderrFd = stderrFd()): HookIO {
  // Asked on the first coloured line: most hook runs print none.
  let colour: boolean | undefined;
  const paint = (code: string, text: string) => {
    colour ??= wantsColour(stderr, env);
    return colour ? `\u001b[${code}m${text}\u001b[0m` : text;
  };
  // Lines name paths and refs from the repository, which anyone who can push may have chosen:
  // control characters (terminal escapes) are taken out before the line is painted and written.
  const write = (text: string) => stderr.write(`${text}\n`);
  return {
    say: (line) => write(`envguard: ${printable(line)}`),
    warn: (line) => write(paint('33', `envguard: ${printable(line)}`)),
    error: (line) => write(paint('31', `envguard: ${printable(line)}`)),
  };
}

/** Each problem on one line with its code, then its fix (what every hook prints for a refusal). */
export function printProblems(io: HookIO, problems: readonly Problem[]): void {
  for (const problem of problems) {
    io.error(problemLine(problem));
    io.error(fixLine(problem.hint));
  }
}
