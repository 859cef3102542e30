/**
 * `NODE_DEBUG=child_process` makes Node print every spawn's options, environment included, to
 * stderr: for `envguard run` that is the decrypted environment, unmasked. Node reads NODE_DEBUG
 * once at start-up, so unsetting it later changes nothing; what can be done is to drop Node's
 * debug lines (`CHILD_PROCESS 1234: …`) from envguard's own stderr. The child still inherits
 * NODE_DEBUG, and its output passes through the masker like the rest.
 */

/** A line from `util.debuglog`: set name, pid (coloured on a terminal), colon. */
// eslint-disable-next-line no-control-regex
const DEBUG_LINE = /^[A-Z][A-Z0-9_]* (?:\u001b\[\d+m)?\d+(?:\u001b\[\d+m)?: /;

let installed = false;

/** Once NODE_DEBUG is set, envguard's own process writes none of Node's debug lines. Idempotent. */
export function silenceNodeDebug(env: NodeJS.ProcessEnv = process.env): void {
  if (installed || env.NODE_DEBUG === undefined || env.NODE_DEBUG === '') return;
  installed = true;
  const stderr = process.stderr;
  const write = stderr.write.bind(stderr) as (...args: unknown[]) => boolean;
  stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk === 'string' && DEBUG_LINE.test(chunk)) {
      const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
      if (callback) process.nextTick(callback);
      return true;
    }
    return write(chunk, ...rest);
  }) as typeof stderr.write;
}
