import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prePushHook } from '../../src/hooks/pre-push.js';
import { preReceiveHook } from '../../src/hooks/pre-receive.js';
import type { HookIO } from '../../src/hooks/report.js';
import { checkPush } from '../../src/ops/check-push.js';
import { checkReceive } from '../../src/ops/check-receive.js';
import { runCi } from '../../src/ops/ci.js';
import { defaultContext } from '../../src/ops/context.js';
import { scanHistory } from '../../src/ops/scan-history.js';
import { projectStatus } from '../../src/ops/status.js';
import { verifyProject } from '../../src/ops/verify.js';
import { createRotationProject } from '../helpers/rotation-project.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

/**
 * The push and history checks run git with the context's environment, not the process's (issue 9):
 * with `GIT_DIR` in `process.env` naming another (empty) repository, an op handed a clean `ctx.env`
 * still reads its own repository, as `ctx.git` does for every other op.
 */
describe('push, receive, ci and history checks honour ctx.env', () => {
  let repo: TempRepo | undefined;
  let decoy: TempRepo | undefined;
  afterEach(() => {
    vi.unstubAllEnvs();
    repo?.cleanup();
    decoy?.cleanup();
  });

  /** A repository with a plaintext `.env` in its second commit, and `process.env` pointing git elsewhere. */
  function setup() {
    repo = createTempRepo();
    decoy = createTempRepo();
    const commit = (file: string, content: string) => {
      repo?.write(file, content);
      repo?.git('add', '--', file);
      repo?.git('commit', '-q', '--no-verify', '-m', file);
      return (repo as TempRepo).git('rev-parse', 'HEAD').trim();
    };
    const first = commit('README.md', 'hello\n');
    const bad = commit('.env', 'DB_PASSWORD=not-a-real-secret-value\n');
    const tip = commit('app.js', 'console.log(1)\n');
    vi.stubEnv('GIT_DIR', `${decoy.dir}/.git`);
    const ctx = defaultContext({ cwd: repo.dir, env: repo.env });
    // What a server has before it takes the push: refs (and HEAD) not yet at the pushed commits.
    const unreceive = () => repo?.git('reset', '-q', '--hard', first);
    return { ctx, bad, tip, unreceive };
  }

  const plaintextIn = (findings: readonly { ruleId: string; commit?: string }[]) => findings.filter((finding) => finding.ruleId === 'plaintext-env-file').map((finding) => finding.commit);

  it('scan --history walks the context repository', async () => {
    const { ctx, bad } = setup();
    const report = await scanHistory(ctx, { useKnownValues: false });
    expect(report.commits).toBe(3);
    expect(plaintextIn(report.findings)).toEqual([bad]);
  });

  it('pre-push and pre-receive checks read the pushed commits from the context repository', async () => {
    const { ctx, bad, tip, unreceive } = setup();
    const push = await checkPush(ctx, 'origin', [{ ref: 'refs/heads/main', newSha: tip, oldSha: undefined }]);
    expect(plaintextIn(push.findings)).toEqual([bad]);
    unreceive();
    const receive = await checkReceive(ctx, [{ ref: 'refs/heads/main', newSha: tip, oldSha: undefined }]);
    expect(plaintextIn(receive.findings)).toEqual([bad]);
  });

  it('the hooks name the right rebase (the oldest bad commit has a parent here)', async () => {
    const { ctx, bad, tip, unreceive } = setup();
    for (const run of [
      (io: HookIO) => prePushHook(ctx, io, ['origin'], async () => `refs/heads/main ${tip} refs/heads/main ${'0'.repeat(40)}\n`),
      (io: HookIO) => {
        unreceive();
        return preReceiveHook(ctx, io, async () => `${'0'.repeat(40)} ${tip} refs/heads/main\n`);
      },
    ]) {
      const lines: string[] = [];
      const io: HookIO = { say: (line) => lines.push(line), warn: (line) => lines.push(line), error: (line) => lines.push(line) };
      expect(await run(io)).toBe(1);
      expect(lines.join('\n')).toContain(`git rebase -i ${bad.slice(0, 12)}^`);
    }
  });

  it('envguard ci scans the context repository and resolves --against there', async () => {
    const { ctx, bad } = setup();
    const all = await runCi(ctx);
    expect(all.commitsScanned).toBe(3);
    expect(plaintextIn(all.findings)).toContain(bad);
    const since = await runCi(ctx, { against: 'HEAD~1' });
    expect(since.commitsScanned).toBe(1);
  });
});

describe('status honours ctx.env', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('lists the tracked plaintext files and the hooks of the context repository', () => {
    const project = createRotationProject({ files: 1, variables: 1 });
    const decoy = createTempRepo();
    try {
      project.repo.write('config/.env.local', 'A=1\n');
      project.repo.git('add', '-f', 'config/.env.local');
      project.repo.git('commit', '-qm', 'tracked by mistake');
      vi.stubEnv('GIT_DIR', `${decoy.dir}/.git`);
      const status = projectStatus(defaultContext({ cwd: project.repo.dir, env: project.repo.env }));
      expect(status.trackedPlaintext.map((notice) => notice.file)).toEqual(['config/.env.local']);
      expect(status.hooks.problem).toContain(path.join('.git', 'hooks'));
      expect(status.hooks.problem).not.toContain(decoy.dir);
    } finally {
      project.repo.cleanup();
      decoy.cleanup();
    }
  });

  it('verify finds and checks the context repository’s encrypted files', () => {
    const project = createRotationProject({ files: 3, variables: 2 });
    const decoy = createTempRepo();
    try {
      // With the work tree too: a bare GIT_DIR would still see the project's files as untracked ones.
      vi.stubEnv('GIT_DIR', `${decoy.dir}/.git`);
      vi.stubEnv('GIT_WORK_TREE', decoy.dir);
      const result = verifyProject(defaultContext({ cwd: project.repo.dir, env: project.repo.env }));
      const files = result.environments[0]?.files?.files ?? [];
      expect(files.map((file) => [file.path, file.result])).toEqual([...project.plaintexts.keys()].sort().map((file) => [file, 'ok']));
      expect(result.valid).toBe(true);
    } finally {
      project.repo.cleanup();
      decoy.cleanup();
    }
  });
});
