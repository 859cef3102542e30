import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatKey, generateKey } from '../../src/core/key.js';
import { createTempRepo, repoTemplate, type TempRepo } from '../helpers/temp-repo.js';
import { CLI, ensureBuilt, runCli, type CliResult } from '../helpers/run-cli.js';

const PASSWORD = 'Tr0ub4dor&3-horse-battery';
const API_TOKEN = 'tok_9d8c7b6a5f4e3d2c1b0a';
const PROD_PASSWORD = 'prod-only-s3cret-value!';
const KEY = formatKey(generateKey((n) => Buffer.alloc(n, 11)));
const PROD_KEY = formatKey(generateKey((n) => Buffer.alloc(n, 12)));
const SECRETS = [PASSWORD, API_TOKEN, PROD_PASSWORD, KEY, PROD_KEY];

let repo: TempRepo;
beforeAll(() => ensureBuilt());
afterEach(() => repo?.cleanup());

const keys = (made: TempRepo): NodeJS.ProcessEnv => ({ ...made.env, ENVGUARD_KEY: KEY, ENVGUARD_KEY_PRODUCTION: PROD_KEY });

/** A project with `.env.encrypted` and `.env.production.encrypted`, and no plaintext file left (made once, copied per test). */
const encrypted = repoTemplate((made) => {
  made.write('.env', `DB_PASSWORD=${PASSWORD}\nAPI_TOKEN="${API_TOKEN}"\nPORT=3000\nLOG_LEVEL=debug\n`);
  made.write('.env.production', `DB_PASSWORD=${PROD_PASSWORD}\nPORT=8080\n`);
  for (const envPath of ['.env', '.env.production']) {
    const result = runCli(['encrypt', '--env-path', envPath, '--encrypted-path', `${envPath}.encrypted`], { cwd: made.dir, env: keys(made) });
    expect(result.status, result.stderr).toBe(0);
  }
  made.git('rm', '-q', '--cached', '--ignore-unmatch', '.env');
  for (const envPath of ['.env', '.env.production']) made.write(envPath, '');
});
afterAll(() => encrypted.cleanup());

function project(): NodeJS.ProcessEnv {
  repo = encrypted.copy();
  return keys(repo);
}

function expectNoSecrets(result: CliResult): void {
  for (const secret of SECRETS) {
    expect(result.stdout).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
  }
}

const node = (script: string, ...rest: string[]) => ['run', '--', process.execPath, '-e', script, ...rest];

/** Runs the CLI asynchronously so a test can signal it while the child runs. */
function startCli(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: repo.dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  const output = () => stdout;
  return { child, done, output };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('envguard run', () => {
  it('gives the child the decrypted variables and masks them in stdout and stderr', () => {
    const env = project();
    const script = `
      const { DB_PASSWORD: p, API_TOKEN: t, PORT } = process.env;
      console.log('port', PORT, 'password', p, 'token', t);
      console.error('b64', Buffer.from(p).toString('base64'), 'url', encodeURIComponent(p));
      for (const c of p) process.stdout.write(c);`;
    const result = runCli(node(script), { cwd: repo.dir, env });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('port 3000 password **** token ****\n****');
    expect(result.stderr).toBe('b64 **** url ****\n');
    expectNoSecrets(result);
  });

  it('passes everything after the command untouched, options included', () => {
    const env = project();
    const result = runCli(node('console.log(JSON.stringify(process.argv.slice(1)))', '--', '--flag', '--env', 'x', '--', 'y'), { cwd: repo.dir, env });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(['--flag', '--env', 'x', '--', 'y']);
  });

  it('loads --env environments in order, keeps existing variables unless --override, and --no-mask shows values', () => {
    const env = { ...project(), PORT: '4000' };
    const print = 'console.log(process.env.PORT, process.env.DB_PASSWORD.length, process.env.DB_PASSWORD === process.env.EXPECTED)';
    const layered = runCli(['run', '--env', 'default', '--env', 'production', '--', process.execPath, '-e', print], { cwd: repo.dir, env: { ...env, EXPECTED: PROD_PASSWORD } });
    expect(layered.stdout).toBe(`4000 ${PROD_PASSWORD.length} true\n`);
    const override = runCli(['run', '--override', '--', process.execPath, '-e', print], { cwd: repo.dir, env: { ...env, EXPECTED: PASSWORD } });
    expect(override.stdout).toBe(`3000 ${PASSWORD.length} true\n`);
    const unmasked = runCli(['run', '--no-mask', '--', process.execPath, '-e', 'console.log(process.env.API_TOKEN.split("").reverse().join(""))'], { cwd: repo.dir, env });
    expect(unmasked.stdout).toBe(`${[...API_TOKEN].reverse().join('')}\n`);
  });

  it('forwards stdin and exits with the child exit code', () => {
    const env = project();
    const result = runCli(node("let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{console.log(s.trim().toUpperCase());process.exit(7)})"), { cwd: repo.dir, env, input: 'hello from stdin\n' });
    expect(result.stdout).toBe('HELLO FROM STDIN\n');
    expect(result.status).toBe(7);
  });

  it('forwards SIGINT to the child', async () => {
    const env = project();
    const run = startCli(node("process.on('SIGINT',()=>{console.log('child got SIGINT');process.exit(3)});console.log('ready');setInterval(()=>{},1000)"), env);
    await until(() => run.output().includes('ready'));
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.stdout).toContain('child got SIGINT');
    expect(result.status).toBe(3);
  });

  it('exits 143 when SIGTERM ends the child', async () => {
    const env = project();
    const run = startCli(node("console.log('ready');setInterval(()=>{},1000)"), env);
    await until(() => run.output().includes('ready'));
    run.child.kill('SIGTERM');
    const result = await run.done;
    expect(result.status).toBe(143);
    expect(result.signal).toBeNull();
  });

  it('refuses without a key, naming the fix and no secret', () => {
    project();
    const result = runCli(node('console.log(1)'), { cwd: repo.dir, env: repo.env });
    expect(result.status).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/fix: /);
    expectNoSecrets(result);
  });

  it('names the missing encrypted file of an unknown environment and how to create it', () => {
    const env = project();
    const result = runCli(['run', '--env', 'staging', '--', 'true'], { cwd: repo.dir, env });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('.env.staging.encrypted does not exist (environment staging)');
    expect(result.stderr).toContain('fix: encrypt it with `envguard encrypt --env-path .env.staging`');
  });

  it('reports a missing command as a usage error', () => {
    const env = project();
    const result = runCli(['run', '--', 'envguard-no-such-command-xyz'], { cwd: repo.dir, env });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('command not found: envguard-no-such-command-xyz');
  });
});

describe('envguard show', () => {
  it('lists variables with secret values hidden, their age and sensitivity', () => {
    const env = project();
    const result = runCli(['show'], { cwd: repo.dir, env });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/DB_PASSWORD\s+\*\*\*\* \(25 chars\)\s+set just now sensitive/);
    expect(result.stdout).toMatch(/API_TOKEN\s+\*\*\*\* \(24 chars\)\s+set just now sensitive/);
    expect(result.stdout).toMatch(/PORT\s+3000\s+set just now\n/);
    expectNoSecrets(result);
  });

  it('prints JSON without hidden values, and a value only with --reveal', () => {
    const env = project();
    const json = runCli(['show', '--env', 'production', '--json'], { cwd: repo.dir, env });
    expect(json.status, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout) as { envName: string; variables: Array<{ name: string; value?: string; sensitive: boolean; length: number; ageSeconds: number }> };
    expect(parsed.envName).toBe('production');
    expect(parsed.variables.map(({ name, value, sensitive, length }) => ({ name, value, sensitive, length }))).toEqual([
      { name: 'DB_PASSWORD', value: undefined, sensitive: true, length: PROD_PASSWORD.length },
      { name: 'PORT', value: '8080', sensitive: false, length: 4 },
    ]);
    expectNoSecrets(json);

    const reveal = runCli(['show', '--reveal', 'API_TOKEN'], { cwd: repo.dir, env });
    expect(reveal.status).toBe(0);
    expect(reveal.stdout).toBe(`${API_TOKEN}\n`);
    const missing = runCli(['show', '--reveal', 'NOPE'], { cwd: repo.dir, env });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no variable named NOPE');
  });
});

describe('short sensitive values (issue 16 item 5)', () => {
  function shortSecrets(): NodeJS.ProcessEnv {
    repo = createTempRepo();
    const env = { ...repo.env, ENVGUARD_KEY: KEY };
    repo.write('.env', 'SMTP_PASS=Tr0ub4d\nDB_PWD=hunter2\nSHOP_PIN=4711\nGREETING=Welcome to our app!\n');
    const result = runCli(['encrypt'], { cwd: repo.dir, env });
    expect(result.status, result.stderr).toBe(0);
    repo.write('.env', '');
    return env;
  }

  it('show prints none of them without --reveal', () => {
    const env = shortSecrets();
    for (const args of [['show'], ['show', '--json']]) {
      const result = runCli(args, { cwd: repo.dir, env });
      expect(result.status, result.stderr).toBe(0);
      for (const secret of ['Tr0ub4d', 'hunter2', '4711']) expect(result.stdout).not.toContain(secret);
      expect(result.stdout).toContain('Welcome to our app!');
    }
  });

  it('run masks each of them, a short one as a whole word', () => {
    const env = shortSecrets();
    const result = runCli(node('const e = process.env; console.log(e.SMTP_PASS, e.DB_PWD, "pin", e.SHOP_PIN, "14711", e.GREETING)'), { cwd: repo.dir, env });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('**** **** pin **** 14711 Welcome to our app!\n');
  });

  it('NODE_DEBUG=child_process does not make run print the decrypted environment', () => {
    const env = shortSecrets();
    const result = runCli(node('console.log("ok")'), { cwd: repo.dir, env: { ...env, NODE_DEBUG: 'child_process' } });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('ok\n');
    for (const secret of ['Tr0ub4d', 'hunter2', KEY]) expect(result.stderr).not.toContain(secret);
  });
});
