import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

/** How every command fails: the code printed, a JSON error object under --json, causes under ENVGUARD_DEBUG=1. */
describe('CLI errors', () => {
  let repo: TempRepo;
  beforeAll(() => ensureBuilt(), 120_000);
  afterEach(() => repo?.cleanup());
  const envguard = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { cwd: repo.dir, env: { ...repo.env, ...env } });

  it('prints the code with the message and the fix, and exits by the code', () => {
    repo = createTempRepo();
    const result = envguard(['key', 'export']);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/^envguard: \[KEY_MISSING\] no key for environment "default"/);
    expect(result.stderr).toContain('  fix: ');
  });

  it('under --json prints a JSON error object on stdout', () => {
    repo = createTempRepo();
    const result = envguard(['status', '--json']);
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: 'NOT_FOUND', exitCode: 2, hint: expect.stringContaining('envguard init') } });
  });

  it('refuses a malformed .envguard.json naming the file and the field, in any command that runs', () => {
    repo = createTempRepo();
    repo.write('.envguard.json', JSON.stringify({ rotationDays: 'soon' }));
    for (const args of [['status'], ['verify'], ['scan', '.']]) {
      const result = envguard(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/\[CONFIG_INVALID\] \.envguard\.json: rotationDays: /);
    }
  });

  it('shows the cause chain only with ENVGUARD_DEBUG=1', () => {
    repo = createTempRepo();
    mkdirSync(path.join(repo.dir, '.envguard.json'));
    expect(envguard(['status']).stderr).not.toContain('cause:');
    const debug = envguard(['status'], { ENVGUARD_DEBUG: '1' });
    expect(debug.stderr).toContain('[IO_ERROR] could not read .envguard.json');
    expect(debug.stderr).toMatch(/cause: Error EISDIR: /);
  });
});
