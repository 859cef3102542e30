import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatKey, generateKey } from '../../src/core/key.js';
import { createInitProject, type InitProject } from '../helpers/init-project.js';

/**
 * The `init` use case in-process on a real repository: a first run, a second run that changes
 * nothing, joining a project with and without its key, and each refusal writing nothing.
 */
describe('init', () => {
  let project: InitProject;
  let shared: string | undefined;
  afterEach(() => {
    project?.repo.cleanup();
    if (shared) rmSync(shared, { recursive: true, force: true });
    shared = undefined;
  });

  it('creates a key, a ledger and the encrypted file, and a second run changes nothing', () => {
    project = createInitProject();
    expect(project.first).toMatchObject({
      environments: [{ envName: 'default', key: 'created', ledger: 'created', files: 'encrypted' }],
      hooks: { mode: 'git' },
      gitignoreChanged: true,
      gitattributesChanged: true,
      configCreated: true,
      trackedPlaintext: [],
    });
    expect(project.exists('.env.encrypted') && project.exists('.env.ledger.json') && project.exists('.envguard.json')).toBe(true);
    expect(project.repo.read('.gitignore')).toMatch(/^\.env$/m);
    const encrypted = project.repo.read('.env.encrypted');
    const ledger = project.repo.read('.env.ledger.json');
    const again = project.init();
    expect(again).toMatchObject({
      projectId: project.first?.projectId,
      environments: [{ envName: 'default', key: 'key store', keyId: project.first?.environments[0]?.keyId, ledger: 'existing', files: 'unchanged' }],
      hooks: { changed: [] },
      gitignoreChanged: false,
      gitattributesChanged: false,
      configCreated: false,
    });
    expect(project.repo.read('.env.encrypted')).toBe(encrypted);
    expect(project.repo.read('.env.ledger.json')).toBe(ledger);
  });

  it('uses a key given in a variable without copying it into the key store', () => {
    project = createInitProject({ '.env': 'A=1\n' }, { run: false });
    const key = formatKey(generateKey(randomBytes));
    expect(project.init({}, { ENVGUARD_KEY: key }).environments[0]).toMatchObject({ key: 'ENVGUARD_KEY', ledger: 'created', files: 'encrypted' });
    // Only where it came from is compared, so a failure never prints the key.
    expect(project.ctx().keys.current('default')?.source).not.toBe('key store');
  });

  it('finds environments from the env files, never a per-developer .env.local, default first', () => {
    project = createInitProject({ '.env.staging': 'A=1\n', '.env': 'A=2\n', '.env.local': 'A=3\n', '.env.beta': 'B=1\n' }, { run: false });
    const result = project.init();
    expect(result.environments.map((env) => env.envName)).toEqual(['default', 'beta', 'staging']);
    expect(project.exists('.env.local.encrypted')).toBe(false);
  });

  it('refuses an environment name that is not one, or is a per-developer file, writing nothing', () => {
    project = createInitProject({ '.env': 'A=1\n' }, { run: false });
    expect(() => project.init({ envs: ['bad name'] })).toThrow(expect.objectContaining({ code: 'USAGE' }));
    expect(() => project.init({ envs: ['local'] })).toThrow(expect.objectContaining({ code: 'USAGE' }));
    expect(project.exists('.gitignore') || project.exists('.env.ledger.json') || project.exists('.env.local.ledger.json')).toBe(false);
  });

  it('refuses a core.hooksPath outside the repository before writing anything, unless told to install there', () => {
    project = createInitProject({ '.env': 'A=1\n' }, { run: false });
    shared = mkdtempSync(path.join(os.tmpdir(), 'envguard-shared-hooks-'));
    project.repo.git('config', 'core.hooksPath', shared);
    expect(() => project.init()).toThrow(expect.objectContaining({ code: 'USAGE' }));
    expect(project.exists('.gitignore') || project.exists('.env.ledger.json') || project.exists('.envguard.json')).toBe(false);
    expect(project.init({ hooksPath: true }).hooks.changed.length).toBeGreaterThan(0);
    expect(project.init({ hooks: false, hooksPath: false }).hooks.mode).toBe('none');
  });

  it('joins a cloned project without its key: sets up everything else, creates no key and writes no .env', () => {
    project = createInitProject();
    const { projectId } = project.first!;
    const keyId = project.first!.environments[0]!.keyId;
    rmSync(path.join(project.repo.dir, '.env'));
    const elsewhere = { ENVGUARD_HOME: path.join(project.repo.dir, '..', 'other-home') };
    const joined = project.init({}, elsewhere);
    expect(joined).toMatchObject({ projectId, environments: [{ envName: 'default', key: 'missing', ledger: 'existing', files: 'no key yet', keyId }] });
    expect(project.exists('.env')).toBe(false);
    expect(project.ctx(elsewhere).keys.current('default')?.source).toBeUndefined();
  });

  it('joins with the key: decrypts .env, and never overwrites a .env with local edits', () => {
    project = createInitProject();
    rmSync(path.join(project.repo.dir, '.env'));
    expect(project.init().environments[0]).toMatchObject({ files: 'decrypted' });
    expect(project.repo.read('.env')).toBe('API_TOKEN=abcdefghijklmnop\nPORT=8080\n');
    project.repo.write('.env', 'API_TOKEN=mine\n');
    expect(project.init().environments[0]).toMatchObject({ files: 'differs' });
    expect(project.repo.read('.env')).toBe('API_TOKEN=mine\n');
  });

  it('with a wrong key for an existing ledger fails instead of replacing the encrypted file', () => {
    project = createInitProject();
    const encrypted = project.repo.read('.env.encrypted');
    rmSync(path.join(project.repo.dir, '.env'));
    const wrong = { ENVGUARD_KEY: formatKey(generateKey(randomBytes)) };
    expect(() => project.init({}, wrong)).toThrow(expect.objectContaining({ code: 'KEY_MISMATCH' }));
    expect(project.repo.read('.env.encrypted')).toBe(encrypted);
    expect(project.exists('.env')).toBe(false);
  });

  it('reports plaintext env files git already tracks', () => {
    project = createInitProject({ '.env': 'A=1\n', 'config/.env.test': 'B=1\n' }, { run: false });
    project.repo.git('add', '-f', 'config/.env.test');
    expect(project.init().trackedPlaintext).toEqual(['config/.env.test']);
  });
});
