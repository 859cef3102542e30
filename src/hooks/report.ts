/**
 * Hook output: short plain lines on stderr that read well in a terminal and in GUI clients
 * (no spinners; colour only when stderr is a TTY and NO_COLOR is unset).
 */
export interface HookIO {
  say(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

export function createHookIO(env: NodeJS.ProcessEnv = process.env): HookIO {
  const colour = Boolean(process.stderr.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
  const paint = (code: string, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  const write = (text: string) => void process.stderr.write(`${text}\n`);
  return {
    say: (line) => write(`envguard: ${line}`),
    warn: (line) => write(paint('33', `envguard: ${line}`)),
    error: (line) => write(paint('31', `envguard: ${line}`)),
  };
}
