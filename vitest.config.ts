import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Code run from source keeps the fault-injection hooks (src/io/test-crash.ts), as dist-test/ does.
  define: { __ENVGUARD_TEST_HOOKS__: 'true' },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
