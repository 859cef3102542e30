/**
 * TEST-ONLY fault injection, compiled out of the release bundle, for the rotation crash-safety tests; without these variables every
 * call is a no-op. Never set them outside tests.
 *
 * - `ENVGUARD_TEST_CRASH_AT=<point>:<n>`: the n-th time the process reaches `<point>` it kills
 *   itself with SIGKILL (no `finally`, no exit handlers: like a power cut or `kill -9`).
 * - `ENVGUARD_TEST_CORRUPT_AT=<point>:<n>`: `corrupt(<point>)` returns true the n-th time, so the
 *   caller damages what it just produced (e.g. a re-encrypted file) and its real check must catch it.
 */
export interface CrashInjector {
  (point: string): void;
  corrupt(point: string): boolean;
}

/**
 * True in the test bundle (`dist-test/`) and under vitest; the release bundle defines it false, so
 * the branch that reads the variables is dropped from `dist/cli.cjs` (a test greps for the names).
 */
declare const __ENVGUARD_TEST_HOOKS__: boolean;

const NO_FAULTS: CrashInjector = Object.assign(() => {}, { corrupt: () => false });

export function crashInjector(env: NodeJS.ProcessEnv): CrashInjector {
  if (__ENVGUARD_TEST_HOOKS__) return envInjector(env);
  return NO_FAULTS;
}

function envInjector(env: NodeJS.ProcessEnv): CrashInjector {
  const crashAt = counter(env.ENVGUARD_TEST_CRASH_AT);
  const corruptAt = counter(env.ENVGUARD_TEST_CORRUPT_AT);
  const inject = ((point: string) => {
    if (crashAt(point)) process.kill(process.pid, 'SIGKILL');
  }) as CrashInjector;
  inject.corrupt = corruptAt;
  return inject;
}

function counter(spec: string | undefined): (point: string) => boolean {
  const match = spec ? /^([a-z-]+):(\d+)$/.exec(spec) : null;
  if (!match) return () => false;
  const target = match[1] as string;
  const nth = Number(match[2]);
  let seen = 0;
  return (point) => point === target && ++seen === nth;
}
