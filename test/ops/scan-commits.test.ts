import { afterEach, describe, expect, it } from 'vitest';
import { defaultContext } from '../../src/ops/context.js';
import { scanCommits } from '../../src/ops/support/scan-commits.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

const PASSWORD = 'Zq8-real-db-password-4471';
let repo: TempRepo;
afterEach(() => repo?.cleanup());

function commit(file: string, content: string | Buffer): string {
  repo.write(file, content as string);
  repo.git('add', '-f', '--', file);
  repo.git('commit', '-q', '--no-verify', '-m', `add ${file}`);
  return repo.git('rev-parse', 'HEAD').trim();
}

// pre-push, pre-receive, ci and scan --history skipped binary files and filtered paths for known
// values, and ignored sensitiveNames / publicNames.
describe('scanCommits', () => {
  it('finds known values in binary blobs and filtered paths, and follows the sensitivity policy', async () => {
    repo = createTempRepo();
    const binary = commit('data/app.sqlite', Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(`pw=${PASSWORD}`), Buffer.from([0, 0])]));
    const vendored = commit('vendor/lib/conf.js', `const x = "${PASSWORD}";\n`);
    const greeting = commit('src/hello.txt', 'hello there friend\n');
    const ctx = defaultContext({ cwd: repo.dir, env: repo.env });
    const knownValues = [
      { name: 'DB_PASSWORD', file: '.env', value: PASSWORD },
      { name: 'GREETING', file: '.env', value: 'hello there friend' },
    ];
    const scan = (sensitivity?: { sensitiveNames: string[]; publicNames: string[] }) =>
      scanCommits(ctx, { revisions: ['HEAD'], knownValues, ignorePaths: ['vendor/**'], ...(sensitivity ? { sensitivity } : {}) });
    const plain = await scan();
    const found = (report: typeof plain) => report.findings.filter((f) => f.kind === 'known-value').map((f) => [f.commit, f.file]).sort();
    expect(found(plain)).toEqual([[binary, 'data/app.sqlite'], [vendored, 'vendor/lib/conf.js']].sort());
    const withPolicy = await scan({ sensitiveNames: ['GREETING'], publicNames: ['DB_PASSWORD'] });
    expect(found(withPolicy)).toEqual([[greeting, 'src/hello.txt']]);
    expect(JSON.stringify(plain.findings)).not.toContain(PASSWORD);
  });
});
