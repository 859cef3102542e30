import { spawnSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatKey, generateKey } from '../../src/core/key.js';
import { CLI, ensureBuilt, runCli } from '../helpers/run-cli.js';
import { runInPty } from '../helpers/run-in-pty.js';
import { repoTemplate, type TempRepo } from '../helpers/temp-repo.js';

const KEY = formatKey(generateKey((n) => Buffer.alloc(n, 21)));
const SECRET = 'n3w-S3cret-value-9f8e7d6c';

let repo: TempRepo;
beforeAll(() => ensureBuilt());
afterEach(() => repo?.cleanup());

/** `.env` with PORT, initialised (once per file, copied per test). */
const initialized = repoTemplate((made) => {
  made.write('.env', 'PORT=3000\n');
  const init = runCli(['init'], { cwd: made.dir, env: { ...made.env, ENVGUARD_KEY: KEY } });
  expect(init.status, init.stderr).toBe(0);
});
afterAll(() => initialized.cleanup());

function project(): NodeJS.ProcessEnv {
  repo = initialized.copy();
  return { ...repo.env, ENVGUARD_KEY: KEY };
}

describe('envguard set / get / unset', () => {
  it('reads the value from a slow pipe and stages the encrypted file; the value never reaches the output', () => {
    const env = project();
    // The writer sleeps before writing: readFileSync(0) would fail with EAGAIN here.
    const result = spawnSync('sh', ['-c', `(sleep 0.5; printf '%s\\n' "$VALUE") | "${process.execPath}" "${CLI}" set API_TOKEN -`], { cwd: repo.dir, env: { ...env, VALUE: SECRET }, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    expect(repo.read('.env')).toBe(`PORT=3000\nAPI_TOKEN=${SECRET}\n`);
    expect(repo.git('diff', '--cached', '--name-only')).toContain('.env.encrypted');
    expect(repo.git('show', ':.env.encrypted')).not.toContain(SECRET);
    expect(runCli(['get', 'API_TOKEN'], { cwd: repo.dir, env }).stdout).toBe(`${SECRET}\n`);
  });

  it('reads a typed value from a terminal without echoing it', () => {
    const env = project();
    const result = runInPty([process.execPath, CLI, 'set', 'DB_PASSWORD'], { cwd: repo.dir, env, prompt: 'not shown', answer: `${SECRET}\r` });
    expect(result.status, result.terminal).toBe(0);
    expect(result.terminal).not.toContain(SECRET);
    expect(repo.read('.env')).toBe(`PORT=3000\nDB_PASSWORD=${SECRET}\n`);
  });

  it('refuses unknown names and environments with the fix, changing nothing', () => {
    const env = project();
    const before = repo.read('.env.encrypted');
    const missing = runCli(['unset', 'NOPE'], { cwd: repo.dir, env });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('.env has no variable named NOPE');
    const get = runCli(['get', 'NOPE'], { cwd: repo.dir, env });
    expect(get.status).toBe(2);
    expect(get.stdout).toBe('');
    const staging = runCli(['set', '--env', 'staging', 'A', 'b'], { cwd: repo.dir, env });
    expect(staging.status).toBe(2);
    expect(staging.stderr).toContain('no environment staging here (no .env.staging.encrypted); environments: default');
    expect(staging.stderr).toContain('envguard init --env staging');
    const badName = runCli(['set', 'A B', 'x'], { cwd: repo.dir, env });
    expect(badName.status).toBe(2);
    expect(repo.read('.env.encrypted')).toBe(before);
    expect(repo.read('.env')).toBe('PORT=3000\n');
  });

  it('refuses to re-encrypt under a key that is not the encrypted file\'s', () => {
    const env = project();
    const other = formatKey(generateKey((n) => Buffer.alloc(n, 22)));
    const result = runCli(['set', 'A', 'b'], { cwd: repo.dir, env: { ...env, ENVGUARD_KEY: other } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('ENVGUARD_KEY holds key');
    expect(repo.read('.env')).toBe('PORT=3000\n');
  });

  it('set with an unchanged value writes nothing', () => {
    const env = project();
    const result = runCli(['set', 'PORT', '3000'], { cwd: repo.dir, env });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('already has that value');
  });
});
