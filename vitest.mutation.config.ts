import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The tests Stryker runs against mutated source (`npm run mutation`): the unit tests of `src/core`
 * and the in-process ops tests of the mutated use cases. Tests that drive the built CLI or hooks
 * (e2e, cli, enforce) run `dist/`, which a mutant never reaches, so they would only cost time.
 * ENVGUARD_MUTATION_TESTS (comma-separated globs) narrows the set for a quicker run.
 */
const include = process.env.ENVGUARD_MUTATION_TESTS?.split(',').filter(Boolean) ?? [
  'test/core/**/*.test.ts',
  'test/ops/pre-commit*.test.ts',
  'test/ops/sync-env*.test.ts',
  'test/ops/merge-with-base.test.ts',
];

const config = mergeConfig(base, defineConfig({}));
// Set, not merged: mergeConfig concatenates arrays, which ran every test in the suite (base's include) under each mutant run.
// Isolated, as the mutation score was measured: a mutant's state must not leak into the next file.
config.test = { ...config.test, include, isolate: true, reporters: ['default'] };
export default config;
