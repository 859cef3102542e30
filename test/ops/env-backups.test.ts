import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';

// Editor backups of .env were neither ignored nor refused: `git add -A` committed `.env~` with old secrets.
describe('editor backups and copies of env files', () => {
  let repo: TempRepo;
  beforeAll(() => ensureBuilt());
  afterEach(() => repo?.cleanup());

  const backups = ['.env~', '.env-old', '.env.bak', '.env.swp'];

  it('are ignored by the rules init writes, and refused by the hook when forced in', () => {
    repo = createTempRepo();
    repo.write('.env', 'DB_PASSWORD=current-Passw0rd-2026\n');
    expect(runCli(['init', '--no-husky'], { cwd: repo.dir, env: repo.env }).status).toBe(0);
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'envguard');
    for (const file of backups) repo.write(file, 'DB_PASSWORD=OldPgPassw0rd-2023\n');
    repo.git('add', '-A');
    expect(repo.git('diff', '--cached', '--name-only')).toBe('');
    for (const file of backups) {
      repo.git('add', '-f', file);
      const commit = repo.gitRaw(['commit', '-qm', `add ${file}`]);
      expect(commit.status, file).not.toBe(0);
      expect(commit.stderr).not.toContain('OldPgPassw0rd-2023');
      repo.git('rm', '-q', '--cached', file);
    }
  });
});
