/**
 * TEST-ONLY fault injection for the rotation crash-safety tests. When
 * `ENVGUARD_TEST_CRASH_AT=<point>:<n>` is set, the n-th time the process reaches `<point>` it
 * kills itself with SIGKILL: no `finally`, no exit handlers, exactly like a power cut or
 * `kill -9`. Never set it outside tests; without it this is a no-op.
 */
export interface CrashInjector {
  (point: string): void;
}

export function crashInjector(env: NodeJS.ProcessEnv): CrashInjector {
  const spec = env.ENVGUARD_TEST_CRASH_AT;
  const match = spec ? /^([a-z-]+):(\d+)$/.exec(spec) : null;
  if (!match) return () => {};
  const target = match[1] as string;
  const nth = Number(match[2]);
  let seen = 0;
  return (point) => {
    if (point !== target) return;
    seen += 1;
    if (seen === nth) process.kill(process.pid, 'SIGKILL');
  };
}
