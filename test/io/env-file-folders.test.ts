import { afterEach, describe, expect, it } from 'vitest';
import { bindGit, type Git } from '../../src/io/git.js';
import { envFileFolders } from '../../src/io/scan-files.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

/**
 * Where the scan looks for the project's own values beyond the root: every folder with an env
 * file, tracked, untracked or ignored, found with one `git ls-files` (issue 14), and never by
 * walking an ignored folder or a folder named like an env file (a virtualenv called `.env`).
 */
describe('envFileFolders', () => {
  let repo: TempRepo;
  afterEach(() => repo?.cleanup());

  const counted = (): { git: Git; calls: string[] } => {
    const calls: string[] = [];
    const real = bindGit(repo.dir, repo.env);
    return { calls, git: { ...real, linesZ: (args, options) => (calls.push(args[0] ?? ''), real.linesZ(args, options)) } };
  };

  it('finds tracked, untracked and ignored env files in subfolders, in one git call', () => {
    repo = createTempRepo();
    repo.write('.gitignore', '.env\n.env.local\nnode_modules/\n');
    repo.write('.env', 'ROOT=1\n'); // the root is not a subfolder
    repo.write('services/api/.env', 'A=1\n'); // ignored
    repo.write('services/billing/.env.production.encrypted', 'x\n'); // tracked
    repo.write('services/web/.env.local', 'W=1\n'); // ignored
    repo.write('tools/.env.example', 'E=\n'); // untracked, not ignored: the .gitignore has no rule against it
    repo.write('deep/er/still/.env', 'D=1\n');
    repo.write('services/api/index.js', 'x\n');
    repo.git('add', '.gitignore', 'services/api/index.js', 'services/billing/.env.production.encrypted');
    repo.git('commit', '-qm', 'base');
    const { git, calls } = counted();
    expect(envFileFolders(git, repo.dir)).toEqual(['deep/er/still', 'services/api', 'services/billing', 'services/web', 'tools']);
    expect(calls).toEqual(['ls-files']);
  });

  it('does not look inside ignored folders, nor inside a folder named .env or .env.*', () => {
    repo = createTempRepo();
    repo.write('.gitignore', '.env\nnode_modules/\nbuild/\n');
    repo.write('node_modules/pkg/.env', 'P=1\n');
    repo.write('build/out/.env', 'B=1\n');
    repo.write('.env/lib/python3/site-packages/.env', 'V=1\n'); // a virtualenv named .env
    repo.write('app/.env.d/.env', 'X=1\n');
    repo.write('app/.env', 'A=1\n');
    expect(envFileFolders(bindGit(repo.dir, repo.env), repo.dir)).toEqual(['app']);
  });
});
