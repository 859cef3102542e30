import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../helpers/run-cli.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

let a: TempRepo;
let b: TempRepo;
beforeAll(() => ensureBuilt(), 120_000);
afterEach(() => {
  a?.cleanup();
  b?.cleanup();
});

// issue 16.8: after pulling a rotation that also changed a value, `key import` stored the key but
// left .env stale; `decrypt` then claimed local edits and advised `envguard encrypt`, which
// would have reverted the teammate's change.
describe('key import after a pulled rotation', () => {
  it('brings .env up to date as post-merge would, and no message advises envguard encrypt', () => {
    a = createTempRepo();
    const inA = (args: string[], input = '') => runCli(args, { cwd: a.dir, env: a.env, input });
    a.write('.env', 'A=alpha-value-1\nB=bravo-value-1\n');
    expect(inA(['init']).status).toBe(0);
    a.git('add', '-A');
    a.git('commit', '-q', '-m', 'init');
    const oldKey = inA(['key', 'export']).stdout;

    b = createTempRepo({ init: false });
    const inB = (args: string[], input = '') => runCli(args, { cwd: b.dir, env: b.env, input });
    b.git('clone', '-q', a.dir, '.');
    expect(inB(['key', 'import'], oldKey).status).toBe(0);
    expect(inB(['init']).status).toBe(0);
    expect(b.read('.env')).toBe('A=alpha-value-1\nB=bravo-value-1\n');

    expect(inA(['rotate', '--force']).status).toBe(0);
    expect(inA(['set', 'B', 'bravo-value-2']).status).toBe(0);
    a.git('commit', '-q', '-m', 'rotate and change B');
    const newKey = inA(['key', 'export']).stdout;

    const pull = b.gitRaw(['pull', '-q', '--no-rebase', 'origin', 'main']);
    expect(pull.status, pull.stderr).toBe(0);
    expect(b.read('.env')).toBe('A=alpha-value-1\nB=bravo-value-1\n');
    const imported = inB(['key', 'import'], newKey);
    expect(imported.status, imported.stderr).toBe(0);
    expect(b.read('.env')).toBe('A=alpha-value-1\nB=bravo-value-2\n');
    const decrypt = inB(['decrypt']);
    expect(decrypt.status, decrypt.stderr).toBe(0);
    for (const out of [imported.stderr, decrypt.stderr]) expect(out).not.toContain('envguard encrypt');
  });
});
