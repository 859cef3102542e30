import os from 'node:os';
import { defineConfig } from 'vitest/config';

// These machines set NODE_EXTRA_CA_CERTS, which makes every `node` start about four times slower.
// The tests start node hundreds of times (the CLI, and git running the installed hooks) and never
// open a TLS connection, so the workers, and every process they spawn, run without it.
delete process.env.NODE_EXTRA_CA_CERTS;

export default defineConfig({
  // Code run from source keeps the fault-injection hooks (src/io/test-crash.ts), as dist-test/ does.
  define: { __ENVGUARD_TEST_HOOKS__: 'true' },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share their worker's module registry instead of each starting from a fresh one:
    // re-importing vitest and the source for each of ~140 files was a quarter of the suite's time
    // (measured: 131 s isolated, 95 s shared, on two cores). It holds because no test mocks a
    // module, and every test that changes process state (cwd, env, warning listeners, the
    // library's masker) puts it back in a finally or afterEach; keep it that way.
    isolate: false,
    // Vitest's default is one worker fewer than the cores: a single worker on two. Most test time
    // is spent waiting for the git and node processes a test starts, so one worker more than the
    // cores keeps them busy (measured: tests 83 s with one worker, 58 s with three, on two loaded cores).
    maxWorkers: os.availableParallelism() + 1,
    globalSetup: ['./test/helpers/global-setup.ts'],
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
