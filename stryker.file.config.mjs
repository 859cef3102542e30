// @ts-check
import base from './stryker.config.mjs';

/**
 * One source file at a time, for the kill-the-survivors loop: the file to mutate comes from
 * `--mutate`, the tests that exercise it from ENVGUARD_MUTATION_TESTS, and each run is
 * incremental (reports/mutation-file/incremental.json), so a re-run only tests what changed (add
 * `--force` for a score: incremental mode keeps old results for static mutants, such as a module-level regex):
 *   ENVGUARD_MUTATION_TESTS=test/ops/sync-env*.test.ts npx stryker run stryker.file.config.mjs --mutate src/ops/sync-env.ts --concurrency 1
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  ...base,
  mutate: [],
  concurrency: 1,
  incremental: true,
  incrementalFile: process.env.ENVGUARD_MUTATION_INCREMENTAL ?? 'reports/mutation-file/incremental.json',
  reporters: ['clear-text', 'json'],
  clearTextReporter: { allowColor: false, logTests: false },
  jsonReporter: { fileName: 'reports/mutation-file/mutation.json' },
  tempDirName: '.stryker-tmp-file',
};
