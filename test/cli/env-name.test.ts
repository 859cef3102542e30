import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
beforeAll(() => ensureBuilt());
afterEach(() => repo?.cleanup());

// issue 15.11: `key export --env staging/eu` printed the default key with exit 0.
describe('--env NAME is checked by every command', () => {
  it('a name that is not an environment name is a usage error (exit 2), nothing printed or written', () => {
    repo = createTempRepo();
    repo.write('.env', 'DB_PASSWORD=Zq8-real-db-password-4471\n');
    const cli = (args: string[]) => runCli(args, { cwd: repo.dir, env: repo.env, input: '' });
    expect(cli(['init']).status).toBe(0);
    const before = repo.git('status', '--porcelain', '--ignored');
    for (const args of [
      ['key', 'export'],
      ['key', 'fingerprint'],
      ['key', 'import'],
      ['get', 'DB_PASSWORD'],
      ['set', 'X', 'y'],
      ['unset', 'X'],
      ['show'],
      ['encrypt'],
      ['decrypt'],
      ['rotate'],
      ['verify'],
      ['init'],
      ['run', '--env', 'default', '--', 'true'],
      ['access', 'request'],
      ['access', 'grant', 'age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq', '--name', 'x'],
      ['access', 'list'],
      ['access', 'revoke', 'x', '--reason', 'r'],
    ]) {
      for (const name of ['staging/eu', '../x', '.hidden']) {
        const at = args.indexOf('--');
        const full = at === -1 ? [...args, '--env', name] : [...args.slice(0, at), '--env', name, ...args.slice(at)];
        const result = cli(full);
        expect(result.status, `${full.join(' ')}: ${result.stderr}`).toBe(2);
        expect(result.stdout, full.join(' ')).toBe('');
        expect(result.stderr).toContain('an environment name is letters, digits');
        expect(result.stderr).toContain('fix: list them with `envguard ls`');
      }
    }
    expect(repo.git('status', '--porcelain', '--ignored')).toBe(before);
  });
});
