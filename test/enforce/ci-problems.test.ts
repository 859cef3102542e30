import { afterEach, describe, expect, it } from 'vitest';
import { formatCiSarif } from '../../src/core/enforce/ci-sarif.js';
import { runCi } from '../../src/ops/ci.js';
import { defaultContext } from '../../src/ops/context.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

/** `envguard ci`'s problems are Problems: a code per situation and a fix that really fixes it (issue 9). */
describe('ci problems', () => {
  let repo: TempRepo | undefined;
  afterEach(() => repo?.cleanup());

  it('two tracked plaintext env files: each is PLAINTEXT_STAGED and the fix untracks both', async () => {
    repo = createTempRepo();
    repo.write('.env', 'A=1\n');
    repo.write('deploy/.env.production', 'B=2\n');
    repo.git('add', '-f', '.env', 'deploy/.env.production');
    repo.git('commit', '-q', '--no-verify', '-m', 'oops');
    const result = await runCi(defaultContext({ cwd: repo.dir, env: repo.env }));
    const tracked = result.problems.filter((problem) => problem.check === 'tracked-files');
    expect(tracked.map((problem) => [problem.code, problem.file]).sort()).toEqual([['PLAINTEXT_STAGED', '.env'], ['PLAINTEXT_STAGED', 'deploy/.env.production']]);
    for (const problem of tracked) expect(problem.hint).toContain("git rm --cached -- '.env' 'deploy/.env.production'");
    const committed = result.problems.filter((problem) => problem.check === 'commits');
    expect(committed.length).toBeGreaterThan(0);
    expect(committed.every((problem) => problem.code === 'SECRET_FOUND' && problem.commit === repo?.git('rev-parse', 'HEAD').trim() && problem.hint.includes('git rebase -i'))).toBe(true);
  });

  it('SARIF points at the line of a problem that has one (a replayed token), the first line otherwise', () => {
    const log = JSON.parse(formatCiSarif([], [
      { ruleId: 'ledger-invalid', file: '.env.encrypted', line: 3, message: 'replayed' },
      { ruleId: 'ledger-invalid', file: '.env.ledger.json', message: 'broken' },
    ], '0.0.0')) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { region: { startLine: number } } }> }> }> };
    expect(log.runs[0]?.results.map((result) => result.locations[0]?.physicalLocation.region.startLine)).toEqual([3, 1]);
  });
});
