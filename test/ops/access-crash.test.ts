import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/core/ledger/index.js';
import { ensureBuilt } from '../helpers/run-cli.js';
import { copyProject, createAccessProject, type AccessProject } from '../helpers/access-project.js';

/**
 * `access revoke` and `access grant` killed with SIGKILL (see src/io/test-crash.ts): a revoke is
 * a rotation, so `rotate --resume` finishes it (the member's files gone, the rest re-wrapped,
 * the revocation recorded) and `rotate --rollback` undoes it (every access file as it was).
 * A grant killed between its two files is named by `verify` and finished by granting again.
 */
const made: AccessProject[] = [];
let template: AccessProject;
let accessBefore: Map<string, string>;

const ACCESS_FILES = ['bob.age', 'bob.json', 'test-user.age', 'test-user.json'].map((name) => `.envguard/access/default/${name}`);

beforeAll(() => {
  ensureBuilt();
  template = createAccessProject();
  made.push(template);
  const grant = template.as('alice', ['access', 'grant', template.recipientOf('bob'), '--name', 'Bob']);
  expect(grant.status, grant.stderr).toBe(0);
  template.repo.git('commit', '-qm', 'grant bob');
  accessBefore = new Map(ACCESS_FILES.map((file) => [file, template.repo.read(file)]));
}, 120_000);

afterAll(() => {
  for (const project of made) rmSync(path.dirname(project.repo.dir), { recursive: true, force: true });
});

function copy(project: AccessProject): AccessProject {
  const result = copyProject(project);
  made.push(result);
  return result;
}

// Each case works on its own copies and mostly waits for CLI runs: they run concurrently.
describe.concurrent('access revoke survives SIGKILL', () => {
  it.each(['key:1', 'replace:1', 'grant:1', 'rewrap:1', 'rewrap:2', 'journal:4', 'stage:1'])('killed at %s: resumes to revoked, rolls back to as before', async (point) => {
    const crashed = copy(template);
    const killed = await crashed.asAsync('alice', ['access', 'revoke', 'bob', '--reason', 'left'], { ENVGUARD_TEST_CRASH_AT: point });
    expect(killed.signal).toBe('SIGKILL');

    const resumed = copy(crashed);
    const resume = await resumed.asAsync('alice', ['rotate', '--resume']);
    expect(resume.status, resume.stderr).toBe(0);
    expect(existsSync(path.join(resumed.repo.dir, '.envguard/access/default/bob.json'))).toBe(false);
    expect(existsSync(path.join(resumed.repo.dir, '.envguard/access/default/bob.age'))).toBe(false);
    const ledger = resumed.ledger();
    expect(verifyLedger(ledger).valid).toBe(true);
    expect(ledger.entries.at(-1)).toMatchObject({ status: 'completed', reason: 'left', access: { revoked: [{ memberId: 'bob' }], rewrapped: [{ memberId: 'test-user' }] } });
    expect((await resumed.asAsync('alice', ['verify'])).status).toBe(0);
    expect((await resumed.asAsync('bob', ['decrypt', '--stdout'])).status).not.toBe(0);

    const rolled = copy(crashed);
    const rollback = await rolled.asAsync('alice', ['rotate', '--rollback']);
    expect(rollback.status, rollback.stderr).toBe(0);
    for (const [file, text] of accessBefore) expect(rolled.repo.read(file), file).toBe(text);
    expect((await rolled.asAsync('alice', ['verify'])).status).toBe(0);
    const bob = await rolled.asAsync('bob', ['decrypt', '--stdout']);
    expect(bob.status, bob.stderr).toBe(0);
    expect(bob.stdout).toContain(template.secret);
  });
});

describe('access grant survives SIGKILL', () => {
  it('killed between the wrapped key and the grant: verify names it, granting again finishes it', () => {
    const crashed = copy(template);
    const carol = crashed.recipientOf('carol');
    expect(crashed.as('alice', ['access', 'grant', carol, '--name', 'Carol'], { ENVGUARD_TEST_CRASH_AT: 'grant:1' }).signal).toBe('SIGKILL');
    const verify = crashed.as('alice', ['verify']);
    expect(verify.status).toBe(1);
    expect(verify.stdout).toContain('.envguard/access/default/carol.age has no grant beside it');
    expect(crashed.as('carol', ['decrypt', '--stdout']).status).not.toBe(0);
    expect(crashed.as('alice', ['access', 'grant', carol, '--name', 'Carol']).status).toBe(0);
    expect(crashed.as('alice', ['verify']).status).toBe(0);
    expect(crashed.as('carol', ['decrypt', '--stdout']).stdout).toContain(template.secret);
  });
});
