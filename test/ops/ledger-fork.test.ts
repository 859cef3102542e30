import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, runCli } from '../helpers/run-cli.js';
import { createRotationProject, readLedger, type RotationProject } from '../helpers/rotation-project.js';

let project: RotationProject;
beforeAll(() => ensureBuilt());
afterEach(() => project?.repo.cleanup());

function envguard(args: string[]) {
  return runCli(args, { cwd: project.repo.dir, env: project.repo.env });
}

describe('two branches that each rotated, merged with real git', () => {
  function setup(): void {
    project = createRotationProject({ files: 0, variables: 0 });
    const { repo } = project;
    repo.write('.gitattributes', '.env.ledger.json merge=envguard-ledger\n');
    repo.git('config', 'merge.envguard-ledger.driver', `"${process.execPath}" "${CLI}" hook merge-ledger %O %A %B %P`);
    repo.git('add', '.gitattributes');
    repo.git('commit', '-qm', 'attributes');
  }

  it('merges cleanly when only one branch rotated', () => {
    setup();
    const { repo } = project;
    repo.git('checkout', '-qb', 'rotation');
    expect(envguard(['rotate', '--force', '--reason', 'ours']).status).toBe(0);
    repo.git('commit', '-qm', 'rotate');
    repo.git('checkout', '-q', 'main');
    repo.git('commit', '-q', '--allow-empty', '-m', 'unrelated');
    const merge = repo.gitRaw(['merge', '-q', '--no-edit', 'rotation']);
    expect(merge.status).toBe(0);
    expect(readLedger(project).entries).toHaveLength(2);
    expect(envguard(['verify']).status).toBe(0);
  });

  it('stops the merge on a fork, keeps both rotations, and verify explains it with the fix', () => {
    setup();
    const { repo } = project;
    repo.git('checkout', '-qb', 'theirs');
    expect(envguard(['rotate', '--force', '--reason', 'theirs']).status).toBe(0);
    repo.git('commit', '-qm', 'rotate on theirs');
    repo.git('checkout', '-q', 'main');
    // This machine holds the branch's new key as current; the old one is retired, so main can rotate too.
    expect(envguard(['rotate', '--force', '--reason', 'ours']).status).toBe(0);
    repo.git('commit', '-qm', 'rotate on main');
    const merge = repo.gitRaw(['merge', '--no-edit', 'theirs']);
    expect(merge.status).toBe(1);
    expect(merge.stderr + merge.stdout).toContain('both branches changed the default key after entry 0');
    const ledger = readLedger(project);
    expect(ledger.entries.map((entry) => (entry.type === 'rotation' ? entry.reason : 'genesis'))).toEqual(['genesis', 'ours', 'theirs']);
    const verify = envguard(['verify']);
    expect(verify.status).toBe(1);
    expect(verify.stdout).toContain('entry 2 [fork] entries 1 and 2 both follow entry 0');
    expect(verify.stdout).toContain('git checkout --ours -- .env.ledger.json');
  });
});
