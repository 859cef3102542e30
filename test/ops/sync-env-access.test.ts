import { chmodSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatKey } from '../../src/core/key.js';
import { stateDirIn } from '../../src/io/sync-state.js';
import { defaultContext } from '../../src/ops/context.js';
import { syncEnvFile } from '../../src/ops/sync-env.js';
import { createAccessProject, type AccessProject } from '../helpers/access-project.js';
import { ensureBuilt } from '../helpers/run-cli.js';

/**
 * The checkout hooks' sync on teammates' clones of a project with per-person access: a pull
 * after a rotation finds the new key in this machine's access file, and a pull after being
 * revoked says access was lost. Alice's side runs the built CLI; each sync runs in-process.
 */
describe('syncEnvFile with access files', () => {
  let p: AccessProject;
  const clone = (machine: string) => path.join(path.dirname(p.repo.dir), `${machine}-clone`);
  const pull = (machine: string) => p.repo.git('-C', clone(machine), 'pull', '-q', '--ff-only');
  const read = (machine: string) => p.repo.read(path.relative(p.repo.dir, path.join(clone(machine), '.env')));
  const warnings: string[] = [];
  const log = { info() {}, debug() {}, warn: (message: string) => warnings.push(message) };
  const sync = (machine: string, extraEnv: NodeJS.ProcessEnv = {}) =>
    syncEnvFile(defaultContext({ cwd: clone(machine), env: { ...p.envOf(machine), ...extraEnv }, log }), '.env.encrypted', stateDirIn(path.join(clone(machine), '.git')));
  const alice = (args: string[]) => {
    const result = p.as('alice', args);
    expect(result.status, result.stderr).toBe(0);
  };

  beforeAll(() => {
    ensureBuilt();
    p = createAccessProject();
    for (const member of ['bob', 'carol']) alice(['access', 'grant', p.recipientOf(member), '--name', `${member} <${member}@example.com>`]);
    p.repo.git('commit', '-qm', 'grant bob and carol');
    for (const member of ['bob', 'carol']) {
      p.repo.git('clone', '-q', p.repo.dir, clone(member));
      // A fresh clone: the key comes from the member's access file and is cached in their key store.
      expect(sync(member)).toEqual({ kind: 'written', envFile: '.env' });
    }
  }, 120_000);
  afterAll(() => p?.repo.cleanup());

  it('a key variable left at the rotated key yields to the new key in this machine\'s access file', () => {
    const before = sync('carol', {});
    expect(before).toEqual({ kind: 'unchanged', envFile: '.env' });
    const oldKey = defaultContext({ cwd: clone('carol'), env: p.envOf('carol') }).keys.current('default');
    if (!oldKey) throw new Error('carol has no key');
    alice(['rotate', '--force', '--reason', 'scheduled']);
    p.repo.git('commit', '-qm', 'rotate');
    alice(['set', 'GREETING', 'bonjour']);
    p.repo.git('commit', '-qm', 'greeting');
    pull('carol');
    const identity = path.join(p.envOf('carol').ENVGUARD_HOME as string, 'identity.txt');
    chmodSync(identity, 0o644);
    warnings.length = 0;
    expect(sync('carol', { ENVGUARD_KEY: formatKey(oldKey.key) })).toEqual({ kind: 'written', envFile: '.env' });
    expect(read('carol')).toContain('GREETING=bonjour\n');
    // Opening the access file still says what it fixed on the way.
    expect(warnings).toEqual([expect.stringContaining(`identity ${identity} was readable by others`)]);

    // An identity setting that points nowhere is reported as such, not taken for a key change.
    alice(['set', 'GREETING', 'hola']);
    p.repo.git('commit', '-qm', 'greeting again');
    pull('carol');
    const broken = sync('carol', { ENVGUARD_KEY: formatKey(oldKey.key), ENVGUARD_IDENTITY_FILE: path.join(clone('carol'), 'missing-identity.txt') });
    expect(broken).toMatchObject({ kind: 'invalid', envFile: '.env', message: expect.stringMatching(/^\.env not decrypted: identity file .*missing-identity\.txt does not exist/) });
    expect(read('carol')).toContain('GREETING=bonjour\n');
  });

  it('a revoked member\'s pull leaves .env alone and says access was lost, naming no value', () => {
    alice(['access', 'revoke', 'bob', '--reason', 'left the team']);
    p.repo.git('commit', '-qm', 'revoke bob');
    pull('bob');
    const before = read('bob');
    // Bob's machine kept no key (a new laptop with his identity): there is no key at all.
    rmSync(path.join(p.envOf('bob').ENVGUARD_HOME as string, p.ledger().projectId), { recursive: true, force: true });
    const outcome = sync('bob');
    expect(outcome).toMatchObject({ kind: 'no-key', envFile: '.env' });
    if (outcome.kind !== 'no-key') throw new Error('unreachable');
    expect(outcome.message).toMatch(/^\.env not decrypted: you no longer have access to the current key [0-9a-f]{16} of \.env: .* revoking bob <bob@example\.com>/);
    expect(outcome.hint).toBe('if this is a mistake, run `envguard access request` and send the line to a member');
    expect(JSON.stringify(outcome)).not.toContain(p.secret);
    expect(read('bob')).toBe(before);
  });
});
