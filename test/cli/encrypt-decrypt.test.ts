import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatKey, generateKey, shortKeyId, parseKey } from '../../src/core/key.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';
import { trickyEnv } from '../helpers/tricky-env.js';

const SECRET = 'pa55-Word-that-must-never-leak-9f8e7d';

describe('envguard encrypt / decrypt', () => {
  let repo: TempRepo;
  const keyText = formatKey(generateKey(randomBytes));
  beforeAll(() => ensureBuilt());
  afterEach(() => repo?.cleanup());

  const setup = (env: string) => {
    repo = createTempRepo();
    repo.write('.env', env);
    return { ...repo.env, ENVGUARD_KEY: keyText };
  };
  const cli = (args: string[], env: NodeJS.ProcessEnv, input?: string) => runCli(args, { cwd: repo.dir, env, input });
  const noLeak = (...outputs: string[]) => outputs.forEach((o) => expect(o).not.toContain(SECRET));

  it('restores a tricky 200-line .env byte for byte', () => {
    const original = `${trickyEnv(200)}\nDB_PASSWORD=${SECRET}\n`;
    const env = setup(original);
    const enc = cli(['encrypt'], env);
    expect(enc.status).toBe(0);
    expect(enc.stderr).toMatch(/encrypted \d+ variable\(s\) from \.env into \.env\.encrypted/);
    const encrypted = repo.read('.env.encrypted');
    expect(encrypted).not.toContain(SECRET);
    writeFileSync(path.join(repo.dir, '.env'), '');
    const refused = cli(['decrypt'], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/\.env differs from \.env\.encrypted; not overwritten/);
    expect(refused.stderr).toMatch(/fix: .*envguard decrypt --force/);
    const dec = cli(['decrypt', '--force'], env);
    expect(dec.status).toBe(0);
    expect(readFileSync(path.join(repo.dir, '.env'), 'utf8')).toBe(original);
    expect(statSync(path.join(repo.dir, '.env')).mode & 0o777).toBe(0o600);
    noLeak(enc.stdout, enc.stderr, refused.stderr, dec.stdout, dec.stderr);
  });

  it('editing one value and re-encrypting changes exactly one line', () => {
    const original = trickyEnv(200);
    const env = setup(original);
    expect(cli(['encrypt'], env).status).toBe(0);
    const before = repo.read('.env.encrypted').split('\n');
    expect(cli(['encrypt'], env).stderr).toMatch(/up to date/);
    repo.write('.env', original.replace(/^export DB_HOST_0=.*$/m, 'export DB_HOST_0=edited'));
    expect(cli(['encrypt'], env).status).toBe(0);
    const after = repo.read('.env.encrypted').split('\n');
    expect(after).toHaveLength(before.length);
    expect(after.filter((line, i) => line !== before[i])).toEqual([expect.stringMatching(/^DB_HOST_0=fernet:/)]);
  });

  it('--stdout prints the plaintext and writes nothing; --json never includes values', () => {
    const env = setup(`A=1\nDB_PASSWORD=${SECRET}\n`);
    cli(['encrypt'], env);
    const out = cli(['decrypt', '--stdout'], env);
    expect(out.stdout).toBe(`A=1\nDB_PASSWORD=${SECRET}\n`);
    const json = cli(['decrypt', '--json'], env);
    expect(JSON.parse(json.stdout)).toMatchObject({ outcome: 'unchanged', keyId: shortKeyId(parseKey(keyText)) });
    noLeak(json.stdout, json.stderr);
  });

  it('a wrong key, a tampered token and a truncated file fail with file and line, exit 1, nothing written', () => {
    const env = setup(`A=1\nDB_PASSWORD=${SECRET}\n`);
    cli(['encrypt'], env);
    const good = repo.read('.env.encrypted');
    repo.write('.env', 'LOCAL=keep\n');
    const wrong = cli(['decrypt', '--force'], { ...env, ENVGUARD_KEY: formatKey(generateKey(randomBytes)) });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/\.env\.encrypted not decrypted: ENVGUARD_KEY holds key [0-9a-f]{16}, but \.env\.encrypted is under key [0-9a-f]{16}/);
    const tampered = good.replace(/(DB_PASSWORD=fernet:.{30})(.)/, (_m, p: string, c: string) => `${p}${c === 'x' ? 'y' : 'x'}`);
    repo.write('.env.encrypted', tampered);
    const bad = cli(['decrypt', '--force'], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/\.env\.encrypted:3: the token is damaged, truncated or was encrypted with a different key/);
    repo.write('.env.encrypted', good.slice(0, good.length - 40));
    const truncated = cli(['decrypt', '--force'], env);
    expect(truncated.status).toBe(1);
    expect(truncated.stderr).toMatch(/\.env\.encrypted:3:/);
    expect(repo.read('.env')).toBe('LOCAL=keep\n');
    noLeak(wrong.stderr, bad.stderr, truncated.stderr);
  });

  it('refuses an invalid key without echoing it, and a missing key with how to get one', () => {
    const env = setup('A=1\n');
    const invalid = cli(['encrypt'], { ...env, ENVGUARD_KEY: SECRET });
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/ENVGUARD_KEY is not a valid Fernet key/);
    noLeak(invalid.stderr);
    const missing = cli(['encrypt'], { ...repo.env });
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/no key for environment "default"/);
    expect(missing.stderr).toMatch(/envguard key import/);
    expect(existsSync(path.join(repo.dir, '.env.encrypted'))).toBe(false);
  });

  it('a malformed .env names the line and does not echo it', () => {
    const env = setup(`A=1\nB="${SECRET}\n`);
    const result = cli(['encrypt'], env);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/\.env:2:/);
    noLeak(result.stderr);
  });

  it('writes and reads the legacy whole-file form, and honours --env-path/--encrypted-path', () => {
    const env = setup('A=1\n');
    repo.write('config/prod.env', `X=${SECRET}\n`);
    expect(cli(['encrypt', '--env-path', 'config/prod.env', '--encrypted-path', 'config/prod.enc', '--format', 'whole'], env).status).toBe(0);
    expect(repo.read('config/prod.enc').trim()).toMatch(/^gAAAAA[\w-]+=*$/);
    const out = cli(['decrypt', '--encrypted-path', 'config/prod.enc', '--stdout'], env);
    expect(out.stdout).toBe(`X=${SECRET}\n`);
  });

  it('uses ENVGUARD_KEY_<NAME> for .env.<name> and SECRETS_MASTER_KEY for compatibility', () => {
    const env = setup('A=1\n');
    repo.write('.env.staging-eu', 'B=2\n');
    const stagingKey = formatKey(generateKey(randomBytes));
    expect(cli(['encrypt', '--env-path', '.env.staging-eu'], { ...repo.env, ENVGUARD_KEY_STAGING_EU: stagingKey }).status).toBe(0);
    expect(repo.read('.env.staging-eu.encrypted')).toContain(`key=${shortKeyId(parseKey(stagingKey))}`);
    expect(cli(['encrypt'], { ...repo.env, SECRETS_MASTER_KEY: keyText }).status).toBe(0);
    expect(repo.read('.env.encrypted')).toContain(`key=${shortKeyId(parseKey(keyText))}`);
    void env;
  });
});
