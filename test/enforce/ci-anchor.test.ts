import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/core/dotenv/parse.js';
import { encryptDocument } from '../../src/core/encrypted-file.js';
import { generateKey } from '../../src/core/key.js';
import { createGenesis } from '../../src/core/ledger/index.js';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';
import { createRotationProject, type RotationProject } from '../helpers/rotation-project.js';
import { isolatedEnv } from '../helpers/temp-repo.js';

// `envguard ci --against REV` runs the anchored verify: a ledger replaced wholesale (a fresh genesis
// under an attacker's key, same project id, files re-encrypted with values of their choosing)
// fails in CI with no key, though the replaced chain verifies on its own.
describe('envguard ci --against: the anchored ledger check', () => {
  let project: RotationProject;
  beforeAll(() => ensureBuilt());
  afterEach(() => project?.repo.cleanup());

  it('fails a replaced genesis and passes an honest history, with no key', () => {
    project = createRotationProject({ files: 1, variables: 3, commit: true });
    const { repo } = project;
    const base = repo.git('rev-parse', 'HEAD').trim();
    // CI holds no key and has never seen the project.
    const ci = (rev: string) => runCli(['ci', '--against', rev, '--json'], { cwd: repo.dir, env: isolatedEnv(mkdtempSync(path.join(os.tmpdir(), 'envguard-ci-'))) });

    repo.write('app.js', 'console.log(1)\n');
    repo.git('add', 'app.js');
    repo.git('commit', '-qm', 'an honest change');
    const honest = ci(base);
    expect(honest.status, honest.stdout + honest.stderr).toBe(0);

    const attacker = generateKey(randomBytes);
    const forged = createGenesis({ key: attacker, projectId: project.projectId, environment: 'default', actor: { name: 'Mallory', email: 'm@example.com' }, now: new Date() });
    repo.write('.env.ledger.json', `${JSON.stringify(forged, null, 2)}\n`);
    repo.write('.env.encrypted', encryptDocument(parseDotenv('VAR_0=chosen-by-the-attacker\n'), attacker, { now: Math.floor(Date.now() / 1000), random: randomBytes }));
    repo.git('commit', '-qam', 'replace the ledger', '--no-verify');
    const replaced = ci(base);
    expect(replaced.status).toBe(1);
    expect(replaced.stdout).toMatch(/genesis/i);
    // Without the anchor, the forged chain verifies on its own: the anchor is what catches it.
    const alone = runCli(['verify'], { cwd: repo.dir, env: isolatedEnv(mkdtempSync(path.join(os.tmpdir(), 'envguard-ci-'))) });
    expect(alone.status).toBe(0);
  });
});
