import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ALNUM, fake, join, reseed } from '../core/scan/synthetic.js';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

reseed(4242);

describe('envguard scan (CLI)', () => {
  let repo: TempRepo;
  beforeAll(() => ensureBuilt());
  afterEach(() => repo?.cleanup());

  it('exits 1 with masked findings, 0 when clean, in every format, never printing the secret', () => {
    repo = createTempRepo();
    const secret = join('sk', '_live_', fake(ALNUM, 28));
    repo.write('app.ts', `const key = "${secret}";\n`);
    repo.git('add', '.');
    const text = runCli(['scan', '--staged'], { cwd: repo.dir, env: repo.env });
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(`app.ts:1:14 stripe-secret-key  hidden (${secret.length} characters)`);
    const json = runCli(['scan', '--format', 'json'], { cwd: repo.dir, env: repo.env });
    expect(json.status).toBe(1);
    const entry = (JSON.parse(json.stdout) as { findings: Array<{ ignoreEntry: string }> }).findings[0]?.ignoreEntry ?? '';
    const sarif = runCli(['scan', 'app.ts', '--format', 'sarif'], { cwd: repo.dir, env: repo.env });
    expect(sarif.status).toBe(1);
    expect((JSON.parse(sarif.stdout) as { version: string }).version).toBe('2.1.0');
    // No character of it: not even the provider prefix the old preview showed.
    for (const out of [text, json, sarif]) expect(out.stdout + out.stderr).not.toContain('sk_l');

    repo.write('.envguardignore', `${entry}\n`);
    const clean = runCli(['scan'], { cwd: repo.dir, env: repo.env });
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('no secrets found');
  });

  it('exits 2 on usage errors and 3 outside a repository', () => {
    repo = createTempRepo({ init: false });
    expect(runCli(['scan', '--format', 'xml'], { cwd: repo.dir, env: repo.env }).status).toBe(2);
    expect(runCli(['scan', '--staged', 'src'], { cwd: repo.dir, env: repo.env }).status).toBe(2);
    const outside = runCli(['scan', '--staged'], { cwd: repo.dir, env: repo.env });
    expect(outside.status).toBe(3);
    expect(outside.stderr).toContain('not inside a git repository');
  });
});
