import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';

// Setting core.hooksPath after init silently disabled every check, and init wrote its shims into
// a hooks folder shared with other repositories (which then could not commit).
describe('core.hooksPath', () => {
  let repo: TempRepo;
  let shared: string;
  beforeAll(() => ensureBuilt());
  afterEach(() => {
    repo?.cleanup();
    rmSync(shared, { recursive: true, force: true });
  });
  const setup = () => {
    repo = createTempRepo();
    shared = mkdtempSync(path.join(os.tmpdir(), 'envguard-shared-hooks-'));
    repo.write('.env', 'API_TOKEN=abcdefghijklmnop\n');
  };
  const cli = (...args: string[]) => runCli(args, { cwd: repo.dir, env: repo.env });
  const hooks = () => JSON.parse(cli('status', '--json').stdout).hooks;

  it('status says the hooks are active after init, and not active once core.hooksPath moves away', () => {
    setup();
    expect(cli('init', '--no-husky').status).toBe(0);
    expect(hooks()).toMatchObject({ manager: 'git', active: true });
    repo.git('config', 'core.hooksPath', shared);
    expect(hooks()).toMatchObject({ active: false });
    const text = cli('status');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/hooks +NOT ACTIVE: git runs hooks from .*envguard-shared-hooks-.*, where envguard's pre-commit, .* hook\(s\) are missing/);
    expect(text.stdout).toMatch(/fix: run `envguard init`/);
  });

  it('init refuses a core.hooksPath outside the repository and writes nothing, unless --hooks-path', () => {
    setup();
    repo.git('config', 'core.hooksPath', shared);
    const refused = cli('init', '--no-husky');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/core\.hooksPath points at .*, outside this repository/);
    expect(refused.stderr).toMatch(/fix: run `envguard init --hooks-path`/);
    expect(readdirSync(shared)).toEqual([]);
    expect(existsSync(path.join(repo.dir, '.gitignore'))).toBe(false);
    expect(existsSync(path.join(repo.dir, '.env.encrypted'))).toBe(false);
    const forced = cli('init', '--no-husky', '--hooks-path');
    expect(forced.status, forced.stderr).toBe(0);
    expect(readdirSync(shared)).toContain('pre-commit');
    expect(hooks()).toMatchObject({ active: true });
  });

  it('a core.hooksPath inside the repository needs no flag', () => {
    setup();
    mkdirSync(path.join(repo.dir, '.githooks'));
    repo.git('config', 'core.hooksPath', '.githooks');
    expect(cli('init', '--no-husky').status).toBe(0);
    expect(readdirSync(path.join(repo.dir, '.githooks'))).toContain('pre-commit');
  });
});
