import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';
import { createTempRepo, repoTemplate, type TempRepo } from '../helpers/temp-repo.js';

const PASSWORD = 'Zq8-real-db-password-4471';
let repo: TempRepo;
beforeAll(() => ensureBuilt());
afterEach(() => repo?.cleanup());

const cli = (args: string[], env: NodeJS.ProcessEnv = repo.env) => runCli(args, { cwd: repo.dir, env });
const exists = (file: string) => existsSync(path.join(repo.dir, file));

/** A project initialised with `.env`, per-developer overrides and an example file (set up once, copied per test). */
const initialized = repoTemplate((made) => {
  made.write('.env', `DB_PASSWORD=${PASSWORD}\nPORT=3000\n`);
  made.write('.env.local', 'PORT=4000\n');
  made.write('.env.staging.local', 'PORT=5000\n');
  made.write('.env.example', 'DB_PASSWORD=\nPORT=3000\n');
  const init = runCli(['init'], { cwd: made.dir, env: made.env });
  expect(init.status, init.stderr).toBe(0);
  made.git('add', '-A');
  made.git('commit', '-q', '-m', 'Add envguard');
});
afterAll(() => initialized.cleanup());

function project(): void {
  repo = initialized.copy();
}

describe('environments: conventions, ls, --env', () => {
  it('.env.local and .env.*.local are never environments and stay ignored; examples are committed', () => {
    project();
    for (const file of ['.env.local.encrypted', '.env.local.ledger.json', '.env.staging.local.encrypted', '.env.staging.local.ledger.json']) expect(exists(file), file).toBe(false);
    expect(repo.git('check-ignore', '.env.local', '.env.staging.local').trim().split('\n')).toEqual(['.env.local', '.env.staging.local']);
    expect(repo.git('ls-files', '.env.example').trim()).toBe('.env.example');
    const refused = cli(['init', '--env', 'local']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('.env.local is a per-developer or backup file, not an environment');
  });

  it('ls lists environments with files, key id and access; a later .env.staging shows as not managed, and in status, until init --env staging', () => {
    project();
    const listed = JSON.parse(cli(['ls', '--json']).stdout) as { environments: Array<{ name: string; keyId?: string; access: string; managed: boolean; files: { encrypted: { exists: boolean } } }> };
    expect(listed.environments).toHaveLength(1);
    expect(listed.environments[0]).toMatchObject({ name: 'default', access: 'key store', managed: true, files: { encrypted: { exists: true } } });
    expect(listed.environments[0]?.keyId).toMatch(/^[0-9a-f]{16}$/);
    const key = cli(['key', 'export']).stdout.trim();
    const viaVariable = JSON.parse(cli(['ls', '--json'], { ...repo.env, ENVGUARD_KEY: key }).stdout) as typeof listed;
    expect(viaVariable.environments[0]?.access).toBe('env var');

    repo.write('.env.staging', 'PORT=8080\n');
    expect(cli(['ls']).stdout).toContain('not managed: run `envguard init --env staging`');
    const status = cli(['status']);
    expect(status.stdout).toContain('.env.staging is not an envguard environment: it is never encrypted or committed');
    expect(status.stdout).toContain('fix: envguard init --env staging');
    const hook = repo.gitRaw(['commit', '--allow-empty', '-m', 'nothing']);
    expect(hook.stderr).toContain('.env.staging is not an envguard environment');
    expect(hook.stderr).toContain('envguard init --env staging');

    expect(cli(['init', '--env', 'staging']).status).toBe(0);
    const after = JSON.parse(cli(['ls', '--json']).stdout) as typeof listed;
    expect(after.environments.map((environment) => [environment.name, environment.managed])).toEqual([['default', true], ['staging', true]]);
    expect(JSON.parse(cli(['status', '--json']).stdout).unmanaged).toEqual([]);
  });

  it('encrypt and decrypt take --env; show --env for an unknown name lists the ones that exist', () => {
    project();
    repo.write('.env.staging', 'PORT=8080\n');
    expect(cli(['init', '--env', 'staging']).status).toBe(0);
    repo.write('.env.staging', 'PORT=9090\n');
    const encrypted = cli(['encrypt', '--env', 'staging']);
    expect(encrypted.status, encrypted.stderr).toBe(0);
    expect(encrypted.stderr).toContain('into .env.staging.encrypted');
    const decrypted = cli(['decrypt', '--env', 'staging', '--stdout']);
    expect(decrypted.stdout).toBe('PORT=9090\n');
    const both = cli(['encrypt', '--env', 'staging', '--env-path', '.env']);
    expect(both.status).toBe(2);
    expect(cli(['decrypt', '--env', '../x']).status).toBe(2);
    const unknown = cli(['show', '--env', 'prod']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('environments here: default, staging');
    expect(unknown.stderr).toContain('envguard init --env prod');
  });

  it('a tracked plaintext env file: init prints the exact git rm --cached, status repeats it until it is done', () => {
    repo = createTempRepo();
    repo.write('.env.production', 'PORT=1\n');
    repo.git('add', '.env.production');
    repo.git('commit', '-q', '-m', 'oops');
    const init = cli(['init']);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stderr).toContain('git rm --cached .env.production');
    const status = cli(['status']);
    expect(status.stdout).toContain('.env.production is tracked by git');
    expect(status.stdout).toMatch(/fix: .*git rm --cached/);
    expect(JSON.parse(cli(['status', '--json']).stdout).trackedPlaintext).toMatchObject([{ file: '.env.production', fix: "git rm --cached -- '.env.production' && git commit -m \"Stop tracking .env.production\", then change the secrets it held: they stay in the history" }]);
    repo.git('rm', '-q', '--cached', '.env.production');
    expect(JSON.parse(cli(['status', '--json']).stdout).trackedPlaintext).toEqual([]);
  });

  it('pre-commit: a known value in .env.example is refused; a staged .env.local.bak is told to stay out, not to be encrypted', () => {
    project();
    repo.write('.env.example', `DB_PASSWORD=${PASSWORD}\nPORT=3000\n`);
    repo.git('add', '.env.example');
    const leak = repo.gitRaw(['commit', '-m', 'example']);
    expect(leak.status).toBe(1);
    expect(leak.stderr).toContain('DB_PASSWORD');
    expect(leak.stderr + leak.stdout).not.toContain(PASSWORD);
    repo.git('reset', '-q', 'HEAD', '.env.example');
    repo.git('checkout', '--', '.env.example');
    repo.write('.env.local.bak', 'PORT=1\n');
    repo.git('add', '-f', '.env.local.bak');
    const backup = repo.gitRaw(['commit', '-m', 'backup']);
    expect(backup.status).toBe(1);
    expect(backup.stderr).toContain("git rm --cached -- '.env.local.bak'");
    expect(backup.stderr).not.toContain('.env.local.bak.encrypted');
  });
});
