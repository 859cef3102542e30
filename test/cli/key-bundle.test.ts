import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

let repos: TempRepo[] = [];
beforeAll(() => ensureBuilt());
afterEach(() => {
  for (const repo of repos) repo.cleanup();
  repos = [];
});

const cli = (repo: TempRepo, args: string[], input?: string) => runCli(args, { cwd: repo.dir, env: repo.env, input });

/** A committed project with two environments, and a clone of it on another "machine" without keys. */
function projectAndClone(): { origin: TempRepo; clone: TempRepo } {
  const origin = createTempRepo();
  repos.push(origin);
  origin.write('.env', 'API_TOKEN=abcdefghijklmnop\n');
  origin.write('.env.staging', 'API_TOKEN=qrstuvwxyz012345\n');
  expect(cli(origin, ['init', '--no-husky']).status).toBe(0);
  origin.git('add', '-A');
  origin.git('commit', '-qm', 'envguard');
  const clone = createTempRepo({ init: false });
  repos.push(clone);
  clone.git('clone', '-q', origin.dir, '.');
  return { origin, clone };
}

describe('key export --all / key import of the bundle', () => {
  it('moves every environment at once and decrypts both files', () => {
    const { origin, clone } = projectAndClone();
    const bundle = cli(origin, ['key', 'export', '--all']);
    expect(bundle.status, bundle.stderr).toBe(0);
    expect(Object.keys(JSON.parse(bundle.stdout).keys)).toEqual(['default', 'staging']);
    const imported = cli(clone, ['key', 'import'], bundle.stdout);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('environment "default"');
    expect(imported.stderr).toContain('environment "staging"');
    expect(clone.read('.env')).toBe('API_TOKEN=abcdefghijklmnop\n');
    expect(clone.read('.env.staging')).toBe('API_TOKEN=qrstuvwxyz012345\n');
  });

  it('refuses a bundle for another project (exit 1), storing nothing', () => {
    const { clone } = projectAndClone();
    const other = createTempRepo();
    repos.push(other);
    other.write('.env', 'A=1\n');
    expect(cli(other, ['init', '--no-husky']).status).toBe(0);
    const result = cli(clone, ['key', 'import'], cli(other, ['key', 'export', '--all']).stdout);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/this key bundle is for another project \(.+\); this one is .+; nothing stored/);
    expect(cli(clone, ['key', 'fingerprint']).status).toBe(3);
  });
});

describe('exit codes and hints of key commands', () => {
  it('key export --format yaml is a usage error (2)', () => {
    const { origin } = projectAndClone();
    const result = cli(origin, ['key', 'export', '--format', 'yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("argument 'yaml' is invalid");
    expect(cli(origin, ['key', 'export', '--all', '--format', 'env']).status).toBe(2);
  });

  it('a malformed key on import says to copy it again, not to make a new one', () => {
    const { clone } = projectAndClone();
    const result = cli(clone, ['key', 'import'], 'not-a-key\n');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('copy the whole key again');
    expect(result.stderr).not.toContain('keygen');
  });

  it('an old, rotated-out key is named as such, with who rotated (exit 1)', () => {
    const { origin, clone } = projectAndClone();
    const old = cli(origin, ['key', 'export']).stdout;
    const rotated = cli(origin, ['rotate', '--force', '--reason', 'quarterly']);
    expect(rotated.status, rotated.stderr).toBe(0);
    origin.git('commit', '-qam', 'rotate');
    clone.git('pull', '-q');
    const result = cli(clone, ['key', 'import'], old);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/this is the old key [0-9a-f]{16}: Test User <test@example\.com> rotated it out on \d{4}-\d{2}-\d{2}; \.env\.encrypted is under key [0-9a-f]{16} now/);
  });
});
