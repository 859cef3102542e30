import { EnvguardError } from '../errors.js';

/**
 * Reads all of stdin as bytes through the stream API. `readFileSync(0)` fails with EAGAIN on a
 * terminal or a slow pipe once anything has asked `process.stdin.isTTY` (which makes fd 0
 * non-blocking); the stream waits for the data instead.
 */
export async function readStdin(what: string, hint: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  } catch (error) {
    throw new EnvguardError('USAGE', `could not read ${what} from stdin`, { hint, cause: error });
  }
  return Buffer.concat(chunks);
}

/**
 * All of stdin as text, for the hooks git feeds ref lines to (pre-push, pre-receive). A terminal
 * is not waited on: run by hand without a pipe, the hook sees no refs instead of hanging.
 */
export async function readStdinText(stream: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (stream.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
