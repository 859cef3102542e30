import { spawnSync } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { CLI, ensureBuilt, runCli } from '../helpers/run-cli.js';
import { runInPty } from '../helpers/run-in-pty.js';

// `key import` used to read fd 0 with readFileSync after asking process.stdin.isTTY, which made a
// terminal or a pipe non-blocking: EAGAIN for a key typed or piped in after a pause.
describe('envguard key import reads stdin the way a person gives it', () => {
  let origin: TempRepo;
  let repo: TempRepo;
  beforeAll(() => ensureBuilt());
  afterEach(() => {
    repo?.cleanup();
    origin?.cleanup();
  });

  /** A project with a committed encrypted file, and a teammate's clone without its key. */
  const teammateClone = (): string => {
    origin = createTempRepo();
    origin.write('.env', 'API_TOKEN=abcdefghijklmnop\n');
    expect(runCli(['init', '--no-husky'], { cwd: origin.dir, env: origin.env }).status).toBe(0);
    origin.git('add', '-A');
    origin.git('commit', '-qm', 'envguard');
    repo = createTempRepo({ init: false });
    repo.git('clone', '-q', origin.dir, '.');
    return runCli(['key', 'export'], { cwd: origin.dir, env: origin.env }).stdout.trim();
  };

  const fingerprintStored = () => JSON.parse(runCli(['key', 'fingerprint', '--json'], { cwd: repo.dir, env: repo.env }).stdout) as { source: string };

  it('from a slow pipe', () => {
    const key = teammateClone();
    const result = spawnSync('sh', ['-c', `(sleep 1; printf '%s\\n' "$KEY") | "${process.execPath}" "${CLI}" key import`], {
      cwd: repo.dir,
      env: { ...repo.env, KEY: key },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/stored key [0-9a-f]{16} for environment "default"/);
    expect(result.stderr).not.toContain(key);
    expect(fingerprintStored().source).toBe('key store');
    expect(repo.read('.env')).toBe('API_TOKEN=abcdefghijklmnop\n');
  });

  it('pasted on a terminal, ended with Ctrl-D', () => {
    const key = teammateClone();
    const result = runInPty([process.execPath, CLI, 'key', 'import'], { cwd: repo.dir, env: repo.env, prompt: 'paste the key', answer: `${key}\n\x04` });
    expect(result.status, result.terminal).toBe(0);
    expect(result.terminal).toMatch(/stored key [0-9a-f]{16}/);
    expect(fingerprintStored().source).toBe('key store');
    expect(repo.read('.env')).toBe('API_TOKEN=abcdefghijklmnop\n');
  });
});
