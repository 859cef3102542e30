import { Chalk, type ChalkInstance } from 'chalk';
import { wantsColour } from '../io/colour-policy.js';
import type { Logger } from '../ops/context.js';

/**
 * Terminal output: colour only when the stream is a TTY, and always as NO_COLOR/FORCE_COLOR say.
 * Nothing here is given a secret value; callers pass names, key ids and paths.
 */
export interface Output {
  color: ChalkInstance;
  /** Result text on stdout. */
  out(text: string): void;
  /** Messages, warnings and errors on stderr. */
  err(text: string): void;
  json(value: unknown): void;
  logger(options?: { verbose?: boolean }): Logger;
}

export function colorLevel(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): 0 | 1 {
  return wantsColour(stream, env) ? 1 : 0;
}

export function createOutput(env: NodeJS.ProcessEnv = process.env): Output {
  const color = new Chalk({ level: colorLevel(process.stderr, env) });
  const output: Output = {
    color,
    out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    json: (value) => void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    logger: ({ verbose = env.ENVGUARD_DEBUG === '1' } = {}) => ({
      info: (message) => output.err(`envguard: ${message}`),
      warn: (message) => output.err(color.yellow(`envguard: warning: ${message}`)),
      debug: (message) => {
        if (verbose) output.err(color.dim(`envguard: debug: ${message}`));
      },
    }),
  };
  return output;
}
