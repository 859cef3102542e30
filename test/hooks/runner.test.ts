import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';

// A contributor who can push but holds no key must not be able to make a teammate's checkout run
// code (DESIGN.md, keys): the runner never executes an envguard that git tracks.
describe('the hook runner (hooks/run.sh)', () => {
  let repo: TempRepo;
  beforeAll(() => ensureBuilt());
  afterEach(() => repo?.cleanup());

  const marker = () => path.join(repo.env.HOME as string, 'pwned');

  /** A project set up with plain git hooks, and a branch `evil` that commits `files`. */
  const projectWithEvilBranch = (files: Record<string, string>) => {
    repo = createTempRepo();
    repo.write('.env', 'API_TOKEN=abcdefghijklmnop\n');
    const init = runCli(['init', '--no-husky'], { cwd: repo.dir, env: repo.env });
    expect(init.status, init.stderr).toBe(0);
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'envguard');
    repo.git('checkout', '-qb', 'evil');
    for (const [file, content] of Object.entries(files)) {
      const full = path.join(repo.dir, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
      chmodSync(full, 0o755);
      repo.git('add', '-f', file);
    }
    repo.git('commit', '-qm', 'tools', '--no-verify');
    repo.git('checkout', '-q', 'main');
  };
  const evilScript = `#!/bin/sh\necho ran > "$HOME/pwned"\n`;
  const evilNode = `require('node:fs').writeFileSync(process.env.HOME + '/pwned', 'ran');\n`;

  it('does not run a node_modules/.bin/envguard that a branch committed', () => {
    projectWithEvilBranch({ 'node_modules/.bin/envguard': evilScript, 'node_modules/envguard/dist/cli.cjs': evilNode });
    const checkout = repo.gitRaw(['checkout', 'evil']);
    expect(checkout.status, checkout.stderr).toBe(0);
    expect(existsSync(marker())).toBe(false);
  });

  it('refuses, with the fix, to run a recorded CLI that git tracks', () => {
    projectWithEvilBranch({ 'tools/cli.cjs': evilNode });
    writeFileSync(path.join(repo.dir, '.git', 'envguard', 'cli-path'), `${path.join(repo.dir, 'tools', 'cli.cjs')}\n`);
    const checkout = repo.gitRaw(['checkout', 'evil']);
    expect(existsSync(marker())).toBe(false);
    expect(checkout.stderr).toMatch(/envguard: refusing to run tools\/cli\.cjs: it is tracked by git/);
    expect(checkout.stderr).toMatch(/fix: git rm --cached -- 'tools\/cli\.cjs'/);
  });

  it('runs the recorded CLI when nothing is tracked', () => {
    projectWithEvilBranch({ 'app.js': 'console.log(1)\n' });
    const checkout = repo.gitRaw(['checkout', 'evil']);
    expect(checkout.status).toBe(0);
    expect(checkout.stderr).not.toMatch(/refusing|not installed/);
  });
});
