import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrigin, cleanupProjects, cloneProject, type Project } from './helpers/project.js';
import { packageTemplates } from './helpers/package-template.js';
import { envText, expectQuiet, initializedProject, secret } from './helpers/scenario.js';

function asPerson(p: Project, name: string): void {
  p.git('config', 'user.name', name);
  p.git('config', 'user.email', `${name.toLowerCase()}@example.com`);
}

function commitAndPush(p: Project, message: string): void {
  const commit = p.gitRaw(['commit', '-q', '-m', message]);
  expect(commit.status, commit.stderr).toBe(0);
  p.git('push', '-q');
}

/**
 * Per-person access, the story of issue 10 with the packed package, real git and real hooks:
 * nobody types or sends a key; joining takes a public key, leaving takes a rotation.
 */
describe('per-person access: Alice, Bob and CI', () => {
  beforeAll(() => void packageTemplates(), 240_000);
  afterAll(cleanupProjects);

  const TOKEN = secret('token');
  const PROD = secret('prod');
  const NEW = secret('new');
  const all = [TOKEN, PROD, NEW];

  it('join with a public key, pull to decrypt, CI with only an identity, revoke by rotation', { timeout: 240_000 }, () => {
    // 1. Alice sets the project up; she is the first member of every environment.
    const alice = initializedProject({ TOKEN }, { before: (p) => { asPerson(p, 'Alice'); p.write('.env.production', envText({ DB_PASSWORD: PROD })); } });
    const origin = addOrigin(alice);
    expect(alice.git('ls-files', '.envguard')).toMatch(/access\/default\/alice\.json[\s\S]*access\/production\/alice\.json/);

    // 2. Bob clones; init creates his identity and prints the one line to send Alice.
    const bob = cloneProject(origin);
    asPerson(bob, 'Bob');
    const init = bob.envguard(['init']);
    expect(init.status, init.stderr).toBe(0);
    expectQuiet(init, all);
    expect(init.stdout).not.toMatch(/AGE-SECRET-KEY/i);
    const line = /^npx envguard access grant (age1[0-9a-z]+) --name "Bob <bob@example\.com>"$/m.exec(init.stdout);
    expect(line, init.stdout + init.stderr).not.toBeNull();
    expect(bob.exists('.env')).toBe(false);

    // 3. Alice runs that line, commits and pushes; Bob's `git pull` decrypts .env through post-merge.
    const grant = alice.envguard(['access', 'grant', line?.[1] as string, '--name', 'Bob <bob@example.com>']);
    expect(grant.status, grant.stderr).toBe(0);
    commitAndPush(alice, 'Grant Bob');
    const pull = bob.gitRaw(['pull', '-q']);
    expect(pull.status, pull.stderr).toBe(0);
    expect(pull.stderr).toMatch(/decrypted \.env/);
    expect(bob.read('.env')).toBe(envText({ TOKEN }));
    expectQuiet(pull, all);

    // 4. CI: its identity is made once; CI holds only ENVGUARD_IDENTITY.
    const ciHome = mkdtempSync(path.join(alice.root, 'ci-'));
    const ciId = alice.envguard(['access', 'id'], { env: { ENVGUARD_HOME: ciHome } });
    const ciIdentity = alice.read(path.relative(alice.dir, path.join(ciHome, 'identity.txt'))).split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1')) as string;
    expect(alice.envguard(['access', 'grant', ciId.stdout.trim(), '--name', 'ci', '--ci', '--env', 'production']).status).toBe(0);
    commitAndPush(alice, 'Grant CI');
    const ci = cloneProject(origin);
    const ciEnv = (home: string) => ({ ENVGUARD_HOME: home, ENVGUARD_IDENTITY: ciIdentity });
    const runHome = mkdtempSync(path.join(ci.root, 'run-'));
    const run = ci.envguard(['run', '--env', 'production', '--', 'node', '-e', `process.exit(process.env.DB_PASSWORD === ${JSON.stringify(PROD)} ? 0 : 7)`], { env: ciEnv(runHome) });
    expect(run.status, run.stderr).toBe(0);
    const decrypt = ci.envguard(['decrypt', '--encrypted-path', '.env.production.encrypted', '--stdout'], { env: ciEnv(mkdtempSync(path.join(ci.root, 'dec-'))) });
    expect(decrypt.stdout).toBe(envText({ DB_PASSWORD: PROD }));
    const library = ci.run('node', ['--input-type=module', '-e', `import { config } from 'envguard'; config({ env: 'production' }); process.exit(process.env.DB_PASSWORD === ${JSON.stringify(PROD)} ? 0 : 7);`], { env: ciEnv(mkdtempSync(path.join(ci.root, 'lib-'))) });
    expect(library.status, library.stderr).toBe(0);
    // CI cannot open an environment it was not granted.
    expect(ci.envguard(['decrypt', '--stdout'], { env: ciEnv(mkdtempSync(path.join(ci.root, 'x-'))) }).status).not.toBe(0);

    // 5. Alice revokes Bob: a crash-safe rotation, new key wrapped for the others only.
    const revoke = alice.envguard(['access', 'revoke', 'bob', '--reason', 'left the team', '--all']);
    expect(revoke.status, revoke.stderr).toBe(0);
    expectQuiet(revoke, all);
    commitAndPush(alice, 'Revoke Bob');
    expect(alice.exists('.envguard/access/default/bob.json')).toBe(false);
    const ledger = JSON.parse(alice.read('.env.ledger.json')) as { entries: Array<{ reason: string; actor: { name: string }; access?: unknown }> };
    expect(ledger.entries.at(-1)).toMatchObject({ reason: 'left the team', actor: { name: 'Alice' }, access: { revoked: [{ memberId: 'bob' }], rewrapped: [{ memberId: 'alice' }] } });
    expect(alice.envguard(['verify']).status).toBe(0);

    // Alice's next edit and CI's next pull and run just work (CI's cached old key is replaced from its access file).
    alice.write('.env', envText({ TOKEN: NEW }));
    alice.write('app.js', '1\n');
    alice.git('add', 'app.js');
    commitAndPush(alice, 'New token');
    expect(ci.gitRaw(['pull', '-q']).status).toBe(0);
    const ciAfter = ci.envguard(['run', '--env', 'production', '--', 'node', '-e', `process.exit(process.env.DB_PASSWORD === ${JSON.stringify(PROD)} ? 0 : 7)`], { env: ciEnv(runHome) });
    expect(ciAfter.status, ciAfter.stderr).toBe(0);

    // Bob's pull says he lost access; what he could read before stays readable to him.
    const bobPull = bob.gitRaw(['pull', '-q']);
    expect(bobPull.status).toBe(0);
    expect(bobPull.stderr).toMatch(/you no longer have access to the current key/);
    expect(bobPull.stderr).toMatch(/history you could read stays readable/);
    expectQuiet(bobPull, all);
    expect(bob.read('.env')).toBe(envText({ TOKEN }));
    expect(bob.git('cat-file', '--textconv', 'HEAD~2:.env.encrypted')).toBe(envText({ TOKEN }));
  });
});
