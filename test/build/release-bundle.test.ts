import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, TEST_CLI, ensureBuilt } from '../helpers/run-cli.js';

/**
 * The published CLI must not carry the fault-injection hooks: with them, setting a variable would
 * make it kill itself mid-rotation or corrupt its own output. The test bundle keeps them.
 */
describe('release bundle', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it('dist/cli.cjs has no fault-injection hooks; dist-test/cli.cjs has them', () => {
    const release = readFileSync(CLI, 'utf8');
    const test = readFileSync(TEST_CLI, 'utf8');
    for (const name of ['ENVGUARD_TEST_CRASH_AT', 'ENVGUARD_TEST_CORRUPT_AT']) {
      expect(release).not.toContain(name);
      expect(test).toContain(name);
    }
  });
});
