import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGrant } from '../../src/core/access/index.js';
import { parseRecipient } from '../../src/core/age/index.js';
import { generateKey } from '../../src/core/key.js';
import { ensureBuilt } from '../helpers/run-cli.js';
import { copyProject, createAccessProject, type AccessProject } from '../helpers/access-project.js';

const projects: AccessProject[] = [];
let initialized: AccessProject;
/** A copy of Alice's initialized project for one test (init and its commit run once per file). */
function project(): AccessProject {
  const made = copyProject(initialized);
  projects.push(made);
  return made;
}

beforeAll(() => {
  ensureBuilt();
  initialized = createAccessProject();
  projects.push(initialized);
}, 120_000);
afterAll(() => {
  for (const made of projects) made.repo.cleanup();
});

/** Alice's project with Bob granted and committed. */
function withBob(): { p: AccessProject; bob: string } {
  const p = project();
  const bob = p.recipientOf('bob');
  const grant = p.as('alice', ['access', 'grant', bob, '--name', 'Bob <bob@example.com>']);
  expect(grant.status, grant.stderr).toBe(0);
  p.repo.git('commit', '-qm', 'grant bob');
  return { p, bob };
}

function expectNoSecrets(p: AccessProject, ...outputs: string[]): void {
  for (const text of outputs) {
    expect(text).not.toContain(p.secret);
    expect(text).not.toMatch(/AGE-SECRET-KEY-1/i);
  }
}

describe('access id and request', () => {
  it('prints only the public recipient, creating a 0600 identity once', () => {
    const p = project();
    const first = p.as('bob', ['access', 'id']);
    expect(first.status).toBe(0);
    expect(first.stdout.trim()).toMatch(/^age1[0-9a-z]{58}$/);
    expectNoSecrets(p, first.stdout, first.stderr);
    const file = path.join(p.envOf('bob').ENVGUARD_HOME as string, 'identity.txt');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(p.as('bob', ['access', 'id']).stdout).toBe(first.stdout);
    const request = p.as('bob', ['access', 'request']);
    expect(request.stdout.trim()).toBe(`npx envguard access grant ${first.stdout.trim()} --name "Bob <bob@example.com>"`);
  });

  it('warns about an identity file others can read and fixes its mode', () => {
    const p = project();
    p.recipientOf('bob');
    const file = path.join(p.envOf('bob').ENVGUARD_HOME as string, 'identity.txt');
    chmodSync(file, 0o644);
    const result = p.as('bob', ['access', 'id']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/readable by others.*changed it to 0600/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it.skipIf(spawnSync('ssh-keygen', ['-?']).error !== undefined)('refuses a passphrase-protected ssh key in one line with the fix', () => {
    const p = project();
    const key = path.join(path.dirname(p.repo.dir), 'id_locked');
    spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'hunter2', '-f', key]);
    const result = p.as('bob', ['access', 'id'], { ENVGUARD_IDENTITY_FILE: key });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/passphrase/);
    expect(result.stderr).toMatch(/fix:/);
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
  });
});

describe('access grant', () => {
  it('wraps, signs and stages; the member decrypts with no key typed, and the key is cached', () => {
    const { p } = withBob();
    const list = p.as('alice', ['access', 'list', '--json']);
    const rows = JSON.parse(list.stdout) as Array<{ memberId: string; kind: string; grantedBy: string; valid: boolean }>;
    expect(rows.map((row) => [row.memberId, row.kind, row.grantedBy, row.valid])).toEqual([
      ['bob', 'person', 'Test User <test@example.com>', true],
      ['test-user', 'person', 'Test User <test@example.com>', true],
    ]);
    expect(JSON.parse(p.as('alice', ['ls', '--json']).stdout)).toMatchObject({ environments: [{ name: 'default', members: 'bob, test-user' }] });
    const decrypt = p.as('bob', ['decrypt', '--stdout']);
    expect(decrypt.status, decrypt.stderr).toBe(0);
    expect(decrypt.stdout).toContain(p.secret);
    // Cached: the access files can go and the key store still has it.
    rmSync(path.join(p.repo.dir, '.envguard'), { recursive: true });
    expect(p.as('bob', ['decrypt', '--stdout']).stdout).toContain(p.secret);
  });

  it.skipIf(spawnSync('age', ['--version']).error !== undefined)('an access file opens with the age CLI and holds exactly what key export prints', () => {
    const { p } = withBob();
    const identity = path.join(p.envOf('bob').ENVGUARD_HOME as string, 'identity.txt');
    const opened = spawnSync('age', ['-d', '-i', identity, path.join(p.repo.dir, '.envguard/access/default/bob.age')], { encoding: 'utf8' });
    expect(opened.status, opened.stderr).toBe(0);
    expect(opened.stdout).toBe(p.as('alice', ['key', 'export']).stdout);
  });

  it.each([
    ['a malformed recipient', ['age1notarecipient'], 2, /not a valid age recipient/],
    ['an identity pasted instead of a recipient', ['AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ'], 2, /secret identity, not a recipient/],
    ['a hardware ssh key', ['sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29t'], 2, /sk-ssh-ed25519/],
  ])('refuses %s in one line with the fix, writing nothing', (_label, args, code, message) => {
    const p = project();
    const result = p.as('alice', ['access', 'grant', ...args, '--name', 'Mallory']);
    expect(result.status).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
    expect(result.stderr).not.toContain('QQQQQQQQ');
    expect(p.repo.git('status', '--porcelain')).toBe('');
  });

  it('only a key holder can grant', () => {
    const p = project();
    const carol = p.recipientOf('carol');
    const result = p.as('carol', ['access', 'grant', carol, '--name', 'Carol']);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/no key for environment "default"/);
    expect(p.repo.git('status', '--porcelain')).toBe('');
  });

  it('grants made on two branches merge with no conflict', () => {
    const p = project();
    const carol = p.recipientOf('carol');
    const dave = p.recipientOf('dave');
    p.repo.git('checkout', '-qb', 'carol');
    expect(p.as('alice', ['access', 'grant', carol, '--name', 'Carol']).status).toBe(0);
    p.repo.git('commit', '-qm', 'grant carol');
    p.repo.git('checkout', '-q', 'main');
    expect(p.as('alice', ['access', 'grant', dave, '--name', 'Dave']).status).toBe(0);
    p.repo.git('commit', '-qm', 'grant dave');
    const merge = p.repo.gitRaw(['merge', '-q', '--no-edit', 'carol']);
    expect(merge.status, merge.stderr + merge.stdout).toBe(0);
    expect(p.as('alice', ['verify']).status).toBe(0);
    for (const machine of ['carol', 'dave']) expect(p.as(machine, ['decrypt', '--stdout']).stdout).toContain(p.secret);
  });
});

describe('planted and damaged access files are refused, never used', () => {
  it('a grant signed by another key', () => {
    const { p, bob } = withBob();
    // Mallory can push but has no key: she wraps a key of her own for Bob and signs with it.
    const planted = buildGrant({ envName: 'default', key: generateKey(randomBytes), memberName: 'Bob <bob@example.com>', recipient: parseRecipient(bob), kind: 'person', existing: new Map([['bob', 'Bob <bob@example.com>']]), grantedBy: { memberId: 'alice', gitActor: 'x' }, now: new Date(), random: randomBytes });
    p.repo.write(planted.paths.age, planted.ageFile.toString('utf8'));
    p.repo.write(planted.paths.grant, planted.grantText);
    const verify = p.as('alice', ['verify']);
    expect(verify.status).toBe(1);
    expect(verify.stdout).toMatch(/bob\.json grants an old key|bob\.json is not signed by the environment's current key/);
    const decrypt = p.as('bob', ['decrypt', '--stdout']);
    expect(decrypt.status).toBe(1);
    expect(decrypt.stdout).toBe('');
    expect(existsSync(path.join(p.envOf('bob').ENVGUARD_HOME as string))).toBe(true);
  });

  it('an .age swapped under a valid grant, and an .age without its grant', () => {
    const { p } = withBob();
    p.repo.write('.envguard/access/default/bob.age', p.repo.read('.envguard/access/default/test-user.age'));
    p.repo.write('.envguard/access/default/eve.age', p.repo.read('.envguard/access/default/test-user.age'));
    const verify = p.as('alice', ['verify', '--json']);
    expect(verify.status).toBe(1);
    const problems = (JSON.parse(verify.stdout) as { environments: Array<{ access: { problems: Array<{ code: string; path: string; file: string; hint: string }> } }> }).environments[0]?.access.problems;
    expect(problems?.map((problem) => [problem.code, problem.path, problem.file])).toEqual([
      ['hash-mismatch', '.envguard/access/default/bob.json', '.envguard/access/default/bob.json'],
      ['age-without-grant', '.envguard/access/default/eve.age', '.envguard/access/default/eve.age'],
    ]);
    expect(problems?.map((problem) => problem.hint)).toEqual(['restore it from git or grant again', 'delete it, or grant the member again (`envguard access grant`)']);
    expect(p.as('bob', ['decrypt', '--stdout']).status).toBe(1);
    // `envguard ci` (no key) fails on the same files.
    const ci = p.as('nobody', ['ci', '--json']);
    expect(ci.status).toBe(1);
    const result = JSON.parse(ci.stdout) as { checked: string[]; problems: Array<{ check: string; file: string; code: string; hint: string }> };
    expect(result.checked).toContain('access-grants');
    const grants = result.problems.filter((problem) => problem.check === 'access-grants');
    expect(grants.map((problem) => [problem.code, problem.file])).toEqual([['GRANT_INVALID', '.envguard/access/default/bob.json'], ['GRANT_INVALID', '.envguard/access/default/eve.age']]);
    expect(grants.map((problem) => problem.hint)).toEqual(problems?.map((problem) => problem.hint));
  });
});

describe('access revoke', () => {
  it('is a rotation: re-wraps for the rest, deletes the member, records who and why', () => {
    const { p } = withBob();
    const ci = p.recipientOf('ci');
    expect(p.as('alice', ['access', 'grant', ci, '--name', 'ci', '--ci']).status).toBe(0);
    p.repo.git('commit', '-qm', 'grant ci');
    const revoke = p.as('alice', ['access', 'revoke', 'bob', '--reason', 'left the team']);
    expect(revoke.status, revoke.stderr).toBe(0);
    expectNoSecrets(p, revoke.stdout, revoke.stderr);
    const entry = p.ledger().entries.at(-1);
    expect(entry).toMatchObject({ type: 'rotation', status: 'completed', reason: 'left the team', access: { revoked: [{ memberId: 'bob', name: 'Bob <bob@example.com>' }], rewrapped: [{ memberId: 'ci' }, { memberId: 'test-user' }] } });
    expect(p.staged()).toEqual(expect.arrayContaining(['.env.encrypted', '.env.ledger.json', '.envguard/access/default/bob.age', '.envguard/access/default/bob.json', '.envguard/access/default/ci.age']));
    expect(existsSync(path.join(p.repo.dir, '.envguard/access/default/bob.json'))).toBe(false);
    expect(p.as('alice', ['verify']).status).toBe(0);
    // CI holds only its identity and finds the new key; Bob's old key no longer opens the file.
    const ciIdentity = p.repo.read(path.relative(p.repo.dir, path.join(p.envOf('ci').ENVGUARD_HOME as string, 'identity.txt')));
    const run = p.as('nobody', ['decrypt', '--stdout'], { ENVGUARD_IDENTITY: ciIdentity.split('\n').find((line) => line.startsWith('AGE-SECRET-KEY-')) });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(p.secret);
    const bob = p.as('bob', ['decrypt', '--stdout']);
    expect(bob.status).not.toBe(0);
  });

  it.each([
    ['an unknown member', ['access', 'revoke', 'zed', '--reason', 'x'], /no member "zed"/],
    ['the last member', ['access', 'revoke', 'test-user', '--reason', 'x'], /last member/],
  ])('refuses %s in one line with the fix, writing nothing', (_label, args, message) => {
    const p = project();
    const before = p.repo.read('.env.ledger.json');
    const result = p.as('alice', args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
    expect(p.repo.read('.env.ledger.json')).toBe(before);
    expect(p.repo.git('status', '--porcelain')).toBe('');
  });

  it('every rotation re-wraps for all members', () => {
    const { p } = withBob();
    const rotate = p.as('alice', ['rotate', '--force']);
    expect(rotate.status, rotate.stderr).toBe(0);
    expect(rotate.stdout).toMatch(/re-wrapped the new key for 2 member\(s\): bob, test-user/);
    expect(p.ledger().entries.at(-1)).toMatchObject({ access: { revoked: [], rewrapped: [{ memberId: 'bob' }, { memberId: 'test-user' }] } });
    expect(p.as('alice', ['verify']).status).toBe(0);
    // Bob's store has the old key: the new one comes from his re-wrapped access file.
    rmSync(path.join(p.envOf('bob').ENVGUARD_HOME as string, p.ledger().projectId), { recursive: true, force: true });
    expect(p.as('bob', ['decrypt', '--stdout']).stdout).toContain(p.secret);
  });
});
