import { spawn, type StdioOptions } from 'node:child_process';
import { constants } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import type { Masker } from '../core/mask/masker.js';
import { createMaskingStream } from '../core/mask/masking-stream.js';
import { EnvguardError } from '../errors.js';
import { silenceNodeDebug } from './node-debug.js';

/** Signals that `envguard run` passes on to its child (then reports as 128 + number if they kill it). */
export const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export interface SpawnMaskedOptions {
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Output is masked through this; without it the child writes straight to our stdout and stderr. */
  masker?: Masker;
  /** `'inherit'` (the CLI) hands over our stdin, TTY included; a stream is piped in. */
  stdin?: 'inherit' | Readable;
  stdout?: Writable;
  stderr?: Writable;
  /** Where signals arrive (the current process by default; tests pass an emitter). */
  signalSource?: NodeJS.EventEmitter;
  /**
   * Do not forward SIGINT: the terminal's Ctrl-C already reaches the child, which shares our
   * foreground process group; a second copy would turn a graceful shutdown into a forced one.
   */
  terminalDeliversSigint?: boolean;
}

export interface ChildOutcome {
  /** The child's exit code, or 128 + the signal's number when a signal ended it. */
  exitCode: number;
  signal: NodeJS.Signals | null;
}

/**
 * Starts a command (never through a shell) and waits for it, with its stdout and stderr passed
 * through the masker, stdin handed over, and SIGINT/SIGTERM/SIGHUP forwarded. Resolves once the
 * child has exited and every masked byte has been written.
 */
export function spawnMasked(options: SpawnMaskedOptions): Promise<ChildOutcome> {
  const stdinMode = options.stdin === undefined || options.stdin === 'inherit' ? 'inherit' : 'pipe';
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  // Unmasked output to our own stdout/stderr is inherited, so the child sees a TTY when it is one.
  const outputMode = (destination: Writable) => (options.masker || (destination !== process.stdout && destination !== process.stderr) ? 'pipe' : 'inherit');
  const stdio: StdioOptions = [stdinMode, outputMode(stdout), outputMode(stderr)];
  // The child's environment holds decrypted values: NODE_DEBUG must not print it (see node-debug.ts).
  silenceNodeDebug();
  let child: ReturnType<typeof spawn>;
  try {
    child = spawn(options.command, [...options.args], { cwd: options.cwd, env: options.env, stdio, shell: false });
  } catch (error) {
    // Some failures (E2BIG: environment and arguments over the system's limit) are thrown, not emitted.
    return Promise.reject(spawnError(options.command, error as NodeJS.ErrnoException, options.env));
  }

  const signalSource = options.signalSource ?? process;
  const forward = (signal: NodeJS.Signals) => {
    if (signal === 'SIGINT' && options.terminalDeliversSigint) return;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  // Listening also keeps these signals from killing us first: we exit when the child does.
  for (const signal of FORWARDED_SIGNALS) signalSource.on(signal, forward);
  const stopForwarding = () => {
    for (const signal of FORWARDED_SIGNALS) signalSource.off(signal, forward);
  };

  if (options.stdin && options.stdin !== 'inherit' && child.stdin) {
    // The child may exit without reading everything; that is its business, not an error.
    child.stdin.on('error', () => {});
    options.stdin.pipe(child.stdin);
  }
  // Our stdout closed under a running child (`envguard run … | head`): end it as a shell pipeline
  // would, with SIGPIPE, rather than let it write forever into a pipe nobody reads.
  const onClosedDestination = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGPIPE');
  };
  const drained = [relay(child.stdout, stdout, options.masker, onClosedDestination), relay(child.stderr, stderr, options.masker, onClosedDestination)];

  return new Promise<ChildOutcome>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      stopForwarding();
      reject(spawnError(options.command, error, options.env));
    });
    child.once('close', (code, signal) => {
      stopForwarding();
      if (options.stdin && options.stdin !== 'inherit' && child.stdin) options.stdin.unpipe(child.stdin);
      const exitCode = code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0);
      void Promise.all(drained).then(() => resolve({ exitCode, signal }));
    });
  });
}

/** Pipes one child stream to its destination (masked when asked) and resolves when all is written. */
function relay(source: Readable | null, destination: Writable, masker: Masker | undefined, onClosedDestination: () => void): Promise<void> {
  if (!source) return Promise.resolve();
  const stream: Readable = masker ? source.pipe(createMaskingStream(masker)) : source;
  return new Promise<void>((resolve) => {
    // A closed destination: stop reading (a child that ignores SIGPIPE then gets EPIPE on its next write).
    const onError = () => {
      onClosedDestination();
      stream.unpipe(destination);
      source.destroy();
      if (stream !== source) stream.destroy();
      resolve();
    };
    destination.on('error', onError);
    stream.pipe(destination, { end: false });
    stream.once('end', () => {
      destination.off('error', onError);
      resolve();
    });
  });
}

function spawnError(command: string, error: NodeJS.ErrnoException, env: NodeJS.ProcessEnv): EnvguardError {
  if (error.code === 'E2BIG') {
    const bytes = Object.entries(env).reduce((sum, [name, value]) => sum + name.length + (value?.length ?? 0) + 2, 0);
    return new EnvguardError('IO_ERROR', `could not start ${command}: its environment (${Object.keys(env).length} variables, ${(bytes / 1024 / 1024).toFixed(1)} MB) is larger than the system allows a new process`, {
      hint: 'Linux allows about 2 MB of environment and arguments (128 KB per variable): run with fewer or smaller variables (split the .env into environments), or have the program read its large values from a file',
      cause: error,
    });
  }
  if (error.code === 'ENOENT') {
    return new EnvguardError('NOT_FOUND', `command not found: ${command}`, {
      hint: 'check the command name and PATH, e.g. `envguard run -- node server.js` (to use a shell: `envguard run -- sh -c "…"`)',
      cause: error,
    });
  }
  return new EnvguardError('IO_ERROR', `could not start ${command}: ${error.code ?? error.message}`, { cause: error });
}
