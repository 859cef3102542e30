import { randomBytes } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatKey, generateKey } from '../../src/core/key.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';

describe('envguard keygen / key export / key import / key fingerprint', () => {
  let repo: TempRepo;
  beforeAll(() => ensureBuilt());
  afterEach(() => repo?.cleanup());

  it('keygen prints a fresh valid key each time', () => {
    repo = createTempRepo();
    const a = runCli(['keygen'], { cwd: repo.dir, env: repo.env }).stdout.trim();
    const b = runCli(['keygen'], { cwd: repo.dir, env: repo.env }).stdout.trim();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}=$/);
    expect(a).not.toBe(b);
  });

  it('export prints a Kubernetes Secret manifest with the key base64-encoded', () => {
    repo = createTempRepo();
    const key = formatKey(generateKey(randomBytes));
    const out = runCli(['key', 'export', '--format', 'k8s-secret', '--name', 'myapp-envguard', '--namespace', 'prod'], { cwd: repo.dir, env: { ...repo.env, ENVGUARD_KEY: key } });
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('kind: Secret');
    expect(out.stdout).toContain('  name: myapp-envguard\n  namespace: prod\n');
    expect(out.stdout).toContain(`  ENVGUARD_KEY: ${Buffer.from(key).toString('base64')}\n`);
    const bad = runCli(['key', 'export', '--format', 'k8s-secret', '--name', 'Bad_Name'], { cwd: repo.dir, env: { ...repo.env, ENVGUARD_KEY: key } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--name must be a lower-case DNS name/);
  });

  it('moves a key from one clone to another: export, import, fingerprint, decrypt', () => {
    repo = createTempRepo();
    repo.write('.env', 'API_TOKEN=abcdefghijklmnop\n');
    const init = runCli(['init', '--no-husky'], { cwd: repo.dir, env: repo.env });
    expect(init.status, init.stderr).toBe(0);
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'envguard');
    const exported = runCli(['key', 'export'], { cwd: repo.dir, env: repo.env });
    const fp = runCli(['key', 'fingerprint', '--json'], { cwd: repo.dir, env: repo.env });
    expect(JSON.parse(fp.stdout)).toMatchObject({ envName: 'default', source: 'key store' });

    const teammate = createTempRepo({ init: false });
    try {
      teammate.git('clone', '-q', repo.dir, '.');
      const without = runCli(['decrypt'], { cwd: teammate.dir, env: teammate.env });
      expect(without.status).toBe(3);
      expect(without.stderr).toMatch(/envguard key import/);
      const wrong = runCli(['key', 'import'], { cwd: teammate.dir, env: teammate.env, input: formatKey(generateKey(randomBytes)) });
      // A wrong key is refused (1), not a usage error.
      expect(wrong.status).toBe(1);
      expect(wrong.stderr).toMatch(/does not match \.env\.encrypted/);
      const imported = runCli(['key', 'import'], { cwd: teammate.dir, env: teammate.env, input: exported.stdout });
      expect(imported.status, imported.stderr).toBe(0);
      expect(imported.stderr).not.toContain(exported.stdout.trim());
      expect(teammate.read('.env')).toBe('API_TOKEN=abcdefghijklmnop\n');
      const fp2 = runCli(['key', 'fingerprint', '--json'], { cwd: teammate.dir, env: teammate.env });
      expect(JSON.parse(fp2.stdout).fingerprint).toBe(JSON.parse(fp.stdout).fingerprint);
    } finally {
      teammate.cleanup();
    }
  });
});
