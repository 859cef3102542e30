import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, TEST_CLI, ensureBuilt } from '../helpers/run-cli.js';

/**
 * The published bundles must not carry the fault-injection hooks: with them, setting a variable
 * would make the CLI kill itself mid-rotation or corrupt its own output. The test build keeps them
 * (in the command-line bundle the launcher starts).
 */
describe('release bundle', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  const bundles = (dir: string) => readdirSync(dir).filter((file) => /\.(c?js)$/.test(file)).map((file) => readFileSync(path.join(dir, file), 'utf8'));

  it('no file in dist/ has the fault-injection hooks; dist-test/main.cjs has them', () => {
    const release = bundles(path.dirname(CLI));
    expect(release.length).toBeGreaterThanOrEqual(3);
    const test = readFileSync(path.join(path.dirname(TEST_CLI), 'main.cjs'), 'utf8');
    for (const name of ['ENVGUARD_TEST_CRASH_AT', 'ENVGUARD_TEST_CORRUPT_AT']) {
      for (const bundle of release) expect(bundle.includes(name)).toBe(false);
      expect(test).toContain(name);
    }
  });
});
