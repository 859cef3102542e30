import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { secretFingerprint } from '../../src/core/scan/allow-list.js';
import { defaultContext } from '../../src/ops/context.js';
import { scanPaths, scanSince, scanStaged } from '../../src/ops/scan.js';
import { ALNUM, fake, join, reseed } from '../core/scan/synthetic.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

reseed(31337);
const stripe = () => join('sk', '_live_', fake(ALNUM, 28));

describe('scan use cases on real git repositories', () => {
  let repo: TempRepo;
  afterEach(() => repo?.cleanup());
  const ctx = () => defaultContext({ cwd: repo.dir, env: repo.env });
  const brief = (findings: ReadonlyArray<{ file: string; line: number; ruleId: string }>) => findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);

  it('--staged scans only the lines the staged change adds, new files included', async () => {
    repo = createTempRepo();
    const old = stripe();
    repo.write('src/app.ts', `const a = 1;\nconst key = "${old}";\n`);
    repo.git('add', '.');
    repo.git('commit', '-qm', 'base');
    repo.write('src/app.ts', `const a = 1;\nconst key = "${old}";\nconst added = "${stripe()}";\n`);
    repo.write('config/new.yaml', `stripe: ${stripe()}\n`);
    repo.write('unstaged.ts', `const x = "${stripe()}";\n`);
    repo.git('add', 'src/app.ts', 'config/new.yaml');
    const report = await scanStaged(ctx(), { knownValues: [] });
    expect(brief(report.findings)).toEqual(['config/new.yaml:1 stripe-secret-key', 'src/app.ts:3 stripe-secret-key']);
    expect(report.filesScanned).toBe(2);
  });

  it('--staged skips binary files, lockfiles and .envguard.json ignorePaths; honours a staged .envguardignore', async () => {
    repo = createTempRepo();
    const accepted = stripe();
    repo.write('blob.bin', `\u0000${stripe()}`);
    repo.write('package-lock.json', `{"token": "${stripe()}"}`);
    repo.write('fixtures/sample.txt', stripe());
    repo.write('.envguard.json', JSON.stringify({ scan: { ignorePaths: ['fixtures/'] } }));
    repo.write('docs/setup.md', `Use ${accepted} in the sandbox.\n`);
    repo.write('.envguardignore', `${secretFingerprint(accepted)} stripe-secret-key\n`);
    repo.git('add', '.');
    expect((await scanStaged(ctx(), { knownValues: [] })).findings).toEqual([]);
  });

  it('finds the project\'s own .env values in any encoding and reports them by name', async () => {
    repo = createTempRepo();
    const password = `${fake(ALNUM, 14)}!`;
    repo.write('.gitignore', '.env\n');
    repo.write('.env', `DB_PASSWORD=${password}\nPORT=5432\n`);
    repo.write('k8s/secret.yaml', `data:\n  db: ${Buffer.from(password).toString('base64')}\n  port: 5432\n`);
    repo.git('add', '.gitignore', 'k8s/secret.yaml');
    const report = await scanStaged(ctx());
    expect(report.findings.map((f) => [f.file, f.line, f.preview])).toEqual([['k8s/secret.yaml', 2, 'DB_PASSWORD from .env']]);
    expect(JSON.stringify(report)).not.toContain(password);
    expect((await scanStaged(ctx(), { useKnownValues: false })).findings).toEqual([]);
  });

  it('flags a plaintext line staged in .env.encrypted', async () => {
    repo = createTempRepo();
    repo.write('.env.encrypted', '# envguard:v1 key=0123456789abcdef\nAPI_TOKEN=plain-value-123\n');
    repo.git('add', '.');
    const report = await scanStaged(ctx(), { knownValues: [] });
    expect(brief(report.findings)).toEqual(['.env.encrypted:2 plaintext-in-encrypted-file']);
  });

  it('PATHs: scans files and directories, skipping node_modules and lockfiles inside directories', async () => {
    repo = createTempRepo();
    repo.write('src/a.ts', `export const k = "${stripe()}";\n`);
    repo.write('src/node_modules/dep/index.js', `module.exports = "${stripe()}";\n`);
    repo.write('src/yarn.lock', `token "${stripe()}"\n`);
    repo.write('other.txt', stripe());
    const report = await scanPaths(ctx(), ['src', 'other.txt'], { knownValues: [] });
    expect(brief(report.findings)).toEqual(['src/a.ts:1 stripe-secret-key', 'other.txt:1 stripe-secret-key']);
    await expect(scanPaths(ctx(), ['missing-dir'], { knownValues: [] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('--since REV: scans what each later commit added, naming the commit', async () => {
    repo = createTempRepo();
    repo.write('a.txt', `${stripe()}\n`);
    repo.git('add', '.');
    repo.git('commit', '-qm', 'base');
    const base = repo.git('rev-parse', 'HEAD').trim();
    repo.write('b.txt', `x\n${stripe()}\n`);
    repo.git('add', '.');
    repo.git('commit', '-qm', 'leak');
    const leak = repo.git('rev-parse', 'HEAD').trim();
    writeFileSync(path.join(repo.dir, 'a.txt'), 'cleaned\n');
    repo.git('commit', '-qam', 'clean');
    const report = await scanSince(ctx(), base, { knownValues: [] });
    expect(report.findings.map((f) => [f.file, f.line, f.commit])).toEqual([['b.txt', 2, leak]]);
    await expect(scanSince(ctx(), 'no-such-rev', { knownValues: [] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('--staged outside a git repository is an environment error', async () => {
    repo = createTempRepo({ init: false });
    await expect(scanStaged(ctx(), { knownValues: [] })).rejects.toMatchObject({ code: 'NOT_A_GIT_REPO', exitCode: 3 });
  });
});
