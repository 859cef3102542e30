import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupProjects, createProject, type Project } from './helpers/project.js';
import { packageTemplates } from './helpers/package-template.js';

const docs = readFileSync(path.resolve(import.meta.dirname, '../../docs/hooks.md'), 'utf8');
const probe = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const version = probe.status === 0 ? /(\d+)\.(\d+)\.(\d+)/.exec(probe.stdout)?.slice(1, 4).map(Number) : undefined;
const reason = version ? '' : 'pre-commit is not installed (apt-get install -y pre-commit; .ci/run does it)';
if (reason) console.warn(`skipping the pre-commit framework test: ${reason}`);
/** The stage was called `commit` before pre-commit 3.2 (docs/hooks.md says so and what to write). */
const hasPreCommitStage = version !== undefined && (version[0] ?? 0) * 1000 + (version[1] ?? 0) >= 3002;

/** The `.pre-commit-config.yaml` block of docs/hooks.md, exactly as a reader copies it. */
function documentedConfig(): string {
  const match = /```yaml\n(# \.pre-commit-config\.yaml\n[\s\S]*?)```/.exec(docs);
  if (!match?.[1]) throw new Error('docs/hooks.md has no .pre-commit-config.yaml block');
  return match[1];
}

describe.skipIf(!version)('docs/hooks.md with the pre-commit framework', () => {
  let project: Project;
  beforeAll(() => void packageTemplates(), 240_000);
  afterAll(cleanupProjects);

  const preCommit = (args: string[]) => project.run('pre-commit', args);

  it('states the minimum version the `pre-commit` stage name needs, and this pre-commit agrees', () => {
    expect(docs).toContain('Minimum pre-commit version: 3.2');
    project = createProject();
    project.write('.pre-commit-config.yaml', documentedConfig());
    const validated = preCommit(['validate-config', '.pre-commit-config.yaml']);
    // Before 3.2 the documented config is rejected for its stage name, as the page warns.
    expect(validated.status, validated.stdout + validated.stderr).toBe(hasPreCommitStage ? 0 : 1);
  });

  it('commits the encrypted file through pre-commit, and a checkout stages nothing', () => {
    project = createProject();
    const config = hasPreCommitStage ? documentedConfig() : documentedConfig().replaceAll('stages: [pre-commit]', 'stages: [commit]');
    project.write('.pre-commit-config.yaml', config);
    project.write('.env', 'API_TOKEN=tok-7a6b5c4d3e2f1a0b\nPORT=3000\n');
    expect(project.envguard(['init', '--no-hooks']).status).toBe(0);
    const installed = preCommit(['install']);
    expect(installed.status, installed.stderr + installed.stdout).toBe(0);
    project.git('add', '-A');
    const first = project.gitRaw(['commit', '-q', '-m', 'Add envguard']);
    expect(first.status, first.stderr + first.stdout).toBe(0);
    // An edit of .env is encrypted by the framework's pre-commit hook with the next commit.
    project.write('.env', 'API_TOKEN=tok-7a6b5c4d3e2f1a0b\nPORT=4000\n');
    project.write('app.js', '1\n');
    project.git('add', 'app.js');
    const second = project.gitRaw(['commit', '-q', '-m', 'Port']);
    expect(second.status, second.stderr + second.stdout).toBe(0);
    expect(project.git('show', '--name-only', '--format=', 'HEAD').split('\n')).toContain('.env.encrypted');
    // A checkout runs only the sync hook: an uncommitted .env edit is not encrypted and staged.
    project.write('.env', 'API_TOKEN=tok-7a6b5c4d3e2f1a0b\nPORT=5000\n');
    const checkout = project.gitRaw(['checkout', '-q', '-b', 'feature']);
    expect(checkout.status, checkout.stderr).toBe(0);
    expect(project.git('diff', '--cached', '--name-only')).toBe('');
  });
});
