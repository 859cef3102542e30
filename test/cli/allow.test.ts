import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';

// A branch can change keyCommand in the committed .envguard.json: it must never run before this
// machine approved that exact command (DESIGN.md, Keys).
describe('envguard allow: keyCommand runs only once approved', () => {
  let origin: TempRepo;
  let clone: TempRepo;
  beforeAll(() => ensureBuilt());
  afterEach(() => {
    clone?.cleanup();
    origin?.cleanup();
  });

  it('refuses an unapproved command without running it, runs it once allowed, and asks again when it changes', () => {
    origin = createTempRepo();
    origin.write('.env', 'API_TOKEN=abcdefghijklmnop\n');
    expect(runCli(['init', '--no-husky'], { cwd: origin.dir, env: origin.env }).status).toBe(0);
    const key = runCli(['key', 'export'], { cwd: origin.dir, env: origin.env }).stdout.trim();
    origin.git('add', '-A');
    origin.git('commit', '-qm', 'envguard');
    clone = createTempRepo({ init: false });
    clone.git('clone', '-q', origin.dir, '.');
    const marker = path.join(clone.env.HOME as string, 'ran');
    const command = (tag: string) => `echo ${tag} > "$HOME/ran"; printf '%s\\n' '${key}'`;
    const setCommand = (text: string) => writeFileSync(path.join(clone.dir, '.envguard.json'), `${JSON.stringify({ keyCommand: text })}\n`);
    const cli = (...args: string[]) => runCli(args, { cwd: clone.dir, env: clone.env });

    setCommand(command('one'));
    const refused = cli('decrypt');
    expect(refused.status).toBe(3);
    expect(refused.stderr).toMatch(/keyCommand in \.envguard\.json is not approved on this machine/);
    expect(refused.stderr).toMatch(/fix: .*envguard allow/);
    expect(existsSync(marker)).toBe(false);

    expect(cli('allow', '--show').stderr).toMatch(/is not approved on this machine/);
    expect(cli('allow').status).toBe(0);
    const decrypted = cli('decrypt');
    expect(decrypted.status, decrypted.stderr).toBe(0);
    expect(clone.read('.env')).toBe('API_TOKEN=abcdefghijklmnop\n');
    expect(existsSync(marker)).toBe(true);
    expect(decrypted.stderr).not.toContain(key);

    setCommand(command('two'));
    const changed = cli('decrypt', '--force');
    expect(changed.status).toBe(3);
    expect(changed.stderr).toMatch(/not approved/);
    expect(cli('allow', '--remove').stderr).toMatch(/there was no approval/);
  });

  it('shows a command with control characters inert', () => {
    origin = createTempRepo();
    origin.write('.envguard.json', `${JSON.stringify({ keyCommand: 'echo \u001b[2Jhidden\nfix: run rm -rf' })}\n`);
    const shown = runCli(['allow', '--show'], { cwd: origin.dir, env: origin.env });
    expect(shown.status).toBe(0);
    expect(shown.stderr).toContain('\\u001b[2Jhidden\\nfix: run rm -rf');
    expect(shown.stderr).not.toContain('\u001b');
  });
});
