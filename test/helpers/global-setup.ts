import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The variable that hands the run's shared code-cache directory to every test worker. */
export const SHARED_CODE_CACHE = 'ENVGUARD_TEST_SHARED_CODE_CACHE';

/**
 * One V8 code-cache directory for the whole run (vitest `globalSetup`). Every temp repo has its
 * own HOME, so without this each test's first CLI start and each hook compiled the bundle anew
 * and wrote a ~0.5 MB cache at exit (about 30 ms of CPU per start, thousands of starts). A
 * developer's machine keeps one warm cache too; test/cli/code-cache.test.ts still tests a cold one.
 */
export function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'envguard-test-code-cache-'));
  process.env[SHARED_CODE_CACHE] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
