// @ts-check
import base from './stryker.config.mjs';

/**
 * The subset whose score is reported (`npm run mutation:subset`, ~30 min on two loaded cores: core ~20, ops ~8):
 * the three-way merge, the encrypted-file format, token replay and the commit/checkout use cases,
 * each run against only the tests that exercise it (vitest.mutation.config.ts).
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
process.env.ENVGUARD_MUTATION_TESTS ??= [
  'test/core/merge-env.test.ts',
  'test/core/encrypted-file*.test.ts',
  'test/core/token-replay*.test.ts',
  'test/ops/pre-commit*.test.ts',
  'test/ops/sync-env*.test.ts',
  'test/ops/merge-with-base.test.ts',
].join(',');

export default {
  ...base,
  mutate: ['src/core/merge-env.ts', 'src/core/encrypted-file*.ts', 'src/core/token-replay.ts', 'src/ops/pre-commit/**/*.ts', 'src/ops/sync-env.ts', 'src/ops/support/merge-with-base.ts'],
  htmlReporter: { fileName: 'reports/mutation-subset/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation-subset/mutation.json' },
};
