import { approve } from '../../src/io/command-approval.js';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint, formatKey, generateKey } from '../../src/core/key.js';
import { createKeyRing } from '../../src/io/key-ring.js';
import { allStoredKeys, currentKeyPath, keyStoreHome, saveKey } from '../../src/io/key-store.js';

describe('key store and lookup order', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const projectId = '0b5f3c1e-8d2a-4c6b-9e7f-1a2b3c4d5e6f';
  const keyA = generateKey(randomBytes);
  const keyB = generateKey(randomBytes);
  const keyC = generateKey(randomBytes);

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'envguard-keys-'));
    env = { ENVGUARD_HOME: path.join(dir, 'home') };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const lookup = (extra: NodeJS.ProcessEnv = {}, envName = 'default', keyCommand?: string) => ({ envName, keyCommand, ring: createKeyRing({ env: { ...env, ...extra }, root: () => dir, keyCommand: () => keyCommand, projectId: () => projectId }) });
  const resolveKey = (l: ReturnType<typeof lookup>) => l.ring.current(l.envName);
  const requireKey = (l: ReturnType<typeof lookup>) => l.ring.require(l.envName);
  const keyByFingerprint = (l: ReturnType<typeof lookup>, wanted: string) => l.ring.byFingerprint(l.envName, wanted)?.key;

  it('follows ENVGUARD_KEY_<NAME>, ENVGUARD_KEY, SECRETS_MASTER_KEY, the store, then keyCommand', () => {
    saveKey(env, projectId, 'default', keyA);
    expect(resolveKey(lookup({ ENVGUARD_KEY_DEFAULT: formatKey(keyB), ENVGUARD_KEY: formatKey(keyC) }))?.source).toBe('ENVGUARD_KEY_DEFAULT');
    expect(resolveKey(lookup({ ENVGUARD_KEY: formatKey(keyC), SECRETS_MASTER_KEY: formatKey(keyB) }))?.source).toBe('ENVGUARD_KEY');
    expect(resolveKey(lookup({ SECRETS_MASTER_KEY: formatKey(keyB) }))?.source).toBe('SECRETS_MASTER_KEY');
    expect(resolveKey(lookup())).toMatchObject({ source: 'key store' });
    expect(resolveKey(lookup())!.key.raw.equals(keyA.raw)).toBe(true);
    const command = `printf '%s\\n' '${formatKey(keyC)}'`;
    expect(() => resolveKey(lookup({}, 'staging', command))).toThrow(/keyCommand in \.envguard\.json is not approved on this machine/);
    approve(keyStoreHome(env), dir, command);
    const viaCommand = resolveKey(lookup({}, 'staging', command));
    expect(viaCommand?.source).toBe('keyCommand');
    expect(viaCommand!.key.raw.equals(keyC.raw)).toBe(true);
  });

  it('uses ENVGUARD_KEY_<NAME> with - and . as _ for other environments, and never the default variables', () => {
    expect(resolveKey(lookup({ 'ENVGUARD_KEY_EU_WEST_1': formatKey(keyB) }, 'eu-west.1'))?.source).toBe('ENVGUARD_KEY_EU_WEST_1');
    expect(resolveKey(lookup({ ENVGUARD_KEY: formatKey(keyB) }, 'production'))).toBeUndefined();
  });

  it('stores keys 0600 in 0700 folders under the project id, and keeps a replaced key as retired', () => {
    const file = saveKey(env, projectId, 'default', keyA);
    expect(file).toBe(currentKeyPath(keyStoreHome(env), projectId, 'default'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    saveKey(env, projectId, 'default', keyB);
    expect(readFileSync(file, 'utf8').trim()).toBe(formatKey(keyB));
    expect(allStoredKeys(env, projectId).map(fingerprint).sort()).toEqual([fingerprint(keyA), fingerprint(keyB)].sort());
    expect(keyByFingerprint(lookup(), fingerprint(keyA))?.raw.equals(keyA.raw)).toBe(true);
  });

  it('refuses a key file other users can read', () => {
    const file = saveKey(env, projectId, 'default', keyA);
    chmodSync(file, 0o644);
    expect(() => resolveKey(lookup())).toThrow(/can be read by other users/);
  });

  it('refuses a project id or environment that would escape the store', () => {
    expect(() => saveKey(env, '../evil', 'default', keyA)).toThrow(/not a valid project id/);
    expect(() => saveKey(env, projectId, '../../x', keyA)).toThrow(/not a valid project id or environment name/);
  });

  it('reports a failing keyCommand without its output, and a missing key with the fix', () => {
    const secretOutput = 'this-could-be-a-partial-key-value';
    let message = '';
    const failing = `echo ${secretOutput}; echo ${secretOutput} >&2; exit 3`;
    approve(keyStoreHome(env), dir, failing);
    approve(keyStoreHome(env), dir, `echo ${secretOutput}`);
    try {
      resolveKey(lookup({}, 'default', failing));
    } catch (error) {
      message = `${(error as Error).message} ${(error as { hint?: string }).hint}`;
    }
    expect(message).toMatch(/keyCommand in \.envguard\.json failed \(exit code 3\)/);
    expect(message).not.toContain(secretOutput);
    const invalid = (() => {
      try {
        resolveKey(lookup({}, 'default', `echo ${secretOutput}`));
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(invalid).toMatch(/the output of keyCommand is not a valid Fernet key/);
    expect(invalid).not.toContain(secretOutput);
    expect(() => requireKey(lookup({}, 'production'))).toThrow(/no key for environment "production"/);
  });

  it('defaults to ${XDG_CONFIG_HOME:-~/.config}/envguard', () => {
    expect(keyStoreHome({ XDG_CONFIG_HOME: '/x/cfg' })).toBe('/x/cfg/envguard');
    expect(keyStoreHome({ HOME: '/home/u' })).toBe('/home/u/.config/envguard');
  });
});
