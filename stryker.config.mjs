// @ts-check
/**
 * Mutation testing (`npm run mutation`, not in CI): StrykerJS with the vitest runner on the pure
 * core and the commit/checkout use cases. The whole set takes hours on two cores; see
 * stryker.subset.config.mjs for the set the reported score comes from.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  // The tests are exactly vitest.mutation.config.ts's include (`related` would add every test importing a mutated file).
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: ['src/core/**/*.ts', 'src/ops/pre-commit/**/*.ts', 'src/ops/sync-env.ts', 'src/ops/support/merge-with-base.ts'],
  ignorePatterns: ['dist', 'dist-test', 'coverage', 'bench', 'docs', 'reports', '*.tgz'],
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
};
