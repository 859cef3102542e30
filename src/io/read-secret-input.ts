import { EnvguardError } from '../errors.js';

/**
 * A value given on standard input (`envguard set NAME -`), read as a stream: `readFileSync(0)`
 * fails with EAGAIN on a pipe whose writer is slow and on some terminals (issue 16 item 14).
 * From a pipe or file: everything up to end of input, less one final line break (what `echo`
 * adds). From a terminal: one line, typed without echo so the secret stays off the screen.
 */
export async function readSecretInput(stdin: NodeJS.ReadStream = process.stdin, prompt: (text: string) => void = (text) => void process.stderr.write(text)): Promise<string> {
  if (stdin.isTTY && typeof stdin.setRawMode === 'function') return readHiddenLine(stdin, prompt);
  return (await readAllInput(stdin)).replace(/\r?\n$/, '');
}

/** All of standard input as text, read as a stream (see above), for pasted keys and bundles. */
export async function readAllInput(stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function readHiddenLine(stdin: NodeJS.ReadStream, prompt: (text: string) => void): Promise<string> {
  // Raw mode (no echo) before the prompt: anything typed after it must not reach the screen.
  stdin.setRawMode(true);
  prompt('value (not shown, Enter to finish): ');
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: EnvguardError) => {
      stdin.setRawMode(false);
      stdin.off('data', onData);
      stdin.pause();
      prompt('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (text: string) => {
      for (const char of text) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new EnvguardError('CANCELLED', 'cancelled; nothing changed'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}
