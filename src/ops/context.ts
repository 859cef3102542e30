import { randomBytes } from 'node:crypto';

/** Where use cases send what they have to say; the CLI decides colour and streams. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Only with `--verbose`/`ENVGUARD_DEBUG`; never given a secret value. */
  debug(message: string): void;
}

/**
 * What every use case in `src/ops` is handed (STYLE.md): the directory it works in, the clock,
 * the random source, the environment it reads keys from, and a logger. Use cases return results
 * and throw `EnvguardError`; they never exit.
 */
export interface OpsContext {
  cwd: string;
  now: () => Date;
  random: (size: number) => Buffer;
  env: NodeJS.ProcessEnv;
  log: Logger;
}

export const silentLogger: Logger = { info() {}, warn() {}, debug() {} };

export function defaultContext(overrides: Partial<OpsContext> = {}): OpsContext {
  return {
    cwd: process.cwd(),
    now: () => new Date(),
    random: (size) => randomBytes(size),
    env: process.env,
    log: silentLogger,
    ...overrides,
  };
}
