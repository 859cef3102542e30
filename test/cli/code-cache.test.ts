import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt } from '../helpers/run-cli.js';
import { isolatedEnv } from '../helpers/temp-repo.js';

const dist = path.dirname(CLI);
const version = (JSON.parse(readFileSync(path.join(dist, '..', 'package.json'), 'utf8')) as { version: string }).version;
/** The first line of `envguard --help`: commander and the command tree ran (`--version` alone never starts a bundle). */
const USAGE = 'Usage: envguard [options] [command]';
const usage = (stdout: string) => stdout.split('\n')[0];

describe('the bin starts its bundle through a V8 code cache (src/io/code-cache.ts)', () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  let cacheDir: string;
  beforeAll(() => ensureBuilt());
  const setUp = () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'envguard-code-cache-'));
    env = { ...isolatedEnv(root), XDG_CACHE_HOME: path.join(root, 'cache') };
    cacheDir = path.join(root, 'cache', 'envguard', 'v8');
    mkdirSync(path.join(root, 'work'));
  };
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const run = (cli: string, args: string[], extra: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [cli, ...args], { cwd: path.join(root, 'work'), env: { ...env, ...extra }, encoding: 'utf8' });
  const cacheFiles = () => (existsSync(cacheDir) ? readdirSync(cacheDir).sort() : []);

  it('writes one cache file per bundle and command in the cache directory, none in the working directory, and reuses it', () => {
    setUp();
    expect(usage(run(CLI, ['--help']).stdout)).toBe(USAGE);
    const first = cacheFiles();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/^main-other-[0-9a-f]{32}\.bin$/);
    expect(readdirSync(path.join(root, 'work'))).toEqual([]);
    // A hook run caches the hook bundle, a separate file (it must not load the command line).
    run(CLI, ['hook', 'no-such-hook']);
    expect(cacheFiles().filter((f) => f.startsWith('hook-no-such-hook-'))).toHaveLength(1);
    run(CLI, ['keygen']);
    expect(cacheFiles().filter((f) => f.startsWith('main-keygen-'))).toHaveLength(1);
    // The first runs each write it again (see the next test); after that it is only read.
    for (let i = 0; i < 4; i++) run(CLI, ['--help']);
    const bytes = readFileSync(path.join(cacheDir, first[0] as string));
    expect(usage(run(CLI, ['--help']).stdout)).toBe(USAGE);
    expect(readFileSync(path.join(cacheDir, first[0] as string)).equals(bytes)).toBe(true);
  });

  it('keeps what a longer run compiled when a short run wrote the cache first', () => {
    setUp();
    // `status` outside a repository stops at once; inside one it asks git and looks for ledgers.
    expect(run(CLI, ['status']).status).not.toBe(0);
    const [file] = cacheFiles();
    const short = readFileSync(path.join(cacheDir, file as string));
    expect(short.toString('latin1', 0, 5)).toBe('EGV8\u0001');
    const project = path.join(root, 'work', 'project');
    mkdirSync(project);
    expect(spawnSync('git', ['init', '-q'], { cwd: project, env }).status).toBe(0);
    expect(spawnSync(process.execPath, [CLI, 'status'], { cwd: project, env, encoding: 'utf8' }).stderr).toContain('no ledger found');
    const longer = readFileSync(path.join(cacheDir, file as string));
    expect(longer[4]).toBe(2);
    expect(longer.length).toBeGreaterThan(short.length);
  });

  it('falls back silently when V8 rejects the cache, and rewrites it', () => {
    setUp();
    run(CLI, ['--help']);
    const [file] = cacheFiles();
    writeFileSync(path.join(cacheDir, file as string), 'not a code cache');
    const result = run(CLI, ['--help']);
    expect(result.status).toBe(0);
    expect(usage(result.stdout)).toBe(USAGE);
    expect(result.stderr).toBe('');
    expect(readFileSync(path.join(cacheDir, file as string), 'utf8')).not.toBe('not a code cache');
  });

  it('never runs a cache made from other code of the same length (V8 itself only checks the length)', () => {
    setUp();
    const copy = path.join(root, 'dist');
    mkdirSync(copy);
    for (const file of readdirSync(dist)) if (file.endsWith('.cjs')) copyFileSync(path.join(dist, file), path.join(copy, file));
    expect(run(path.join(copy, 'cli.cjs'), ['--help']).stdout).toContain('Keep .env secrets');
    const main = path.join(copy, 'main.cjs');
    const changed = readFileSync(main, 'utf8').replaceAll('Keep .env secrets', 'Hold .env secrets');
    expect(changed.length).toBe(readFileSync(main, 'utf8').length);
    writeFileSync(main, changed);
    expect(run(path.join(copy, 'cli.cjs'), ['--help']).stdout).toContain('Hold .env secrets');
  });

  it('ENVGUARD_CODE_CACHE=0 writes nothing; an unwritable cache directory only costs speed', () => {
    setUp();
    expect(usage(run(CLI, ['--help'], { ENVGUARD_CODE_CACHE: '0' }).stdout)).toBe(USAGE);
    expect(existsSync(path.join(root, 'cache'))).toBe(false);
    writeFileSync(path.join(root, 'cache'), 'a file where the directory would go');
    const result = run(CLI, ['--help']);
    expect([result.status, usage(result.stdout), result.stderr]).toEqual([0, USAGE, '']);
  });

  it('keeps the newest three caches of a bundle and command, and removes what killed runs left', () => {
    setUp();
    mkdirSync(cacheDir, { recursive: true });
    const hash = (n: number) => n.toString(16).padStart(32, '0');
    const aged = (name: string, minutes: number) => {
      writeFileSync(path.join(cacheDir, name), 'EGV8\x04old');
      const when = new Date(Date.now() - minutes * 60_000);
      utimesSync(path.join(cacheDir, name), when, when);
    };
    // Caches of five earlier builds, the newest first; a temp file a killed run left, one being written now; another command's cache.
    const earlier = [1, 2, 3, 4, 5].map((n) => `main-other-${hash(n)}.bin`);
    earlier.forEach((name, index) => aged(name, (index + 1) * 60));
    aged(`main-other-${hash(9)}.bin.123.456.tmp`, 90);
    aged(`main-other-${hash(8)}.bin.124.457.tmp`, 0);
    aged(`main-init-${hash(7)}.bin`, 600);
    expect(usage(run(CLI, ['--help']).stdout)).toBe(USAGE);
    const written = cacheFiles().find((name) => /^main-other-[0-9a-f]{32}\.bin$/.test(name) && !earlier.includes(name));
    expect(written).toBeDefined();
    expect(cacheFiles()).toEqual([`main-init-${hash(7)}.bin`, written, earlier[0], earlier[1], `main-other-${hash(8)}.bin.124.457.tmp`].sort());
  });

  it('concurrent first runs all succeed and leave one complete cache file, no temp files', async () => {
    setUp();
    const outputs = await Promise.all(
      Array.from({ length: 6 }, () => new Promise<string>((resolve) => {
        const child = spawn(process.execPath, [CLI, '--help'], { cwd: path.join(root, 'work'), env });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('close', () => resolve(usage(out) ?? ''));
      })),
    );
    expect(outputs).toEqual(Array(6).fill(USAGE));
    expect(cacheFiles()).toHaveLength(1);
    expect(usage(run(CLI, ['--help']).stdout)).toBe(USAGE);
  });

  it('answers --version (or -v) alone without starting a bundle, as commander would', () => {
    setUp();
    for (const flag of ['--version', '-v']) {
      const result = run(CLI, [flag]);
      expect([result.status, result.stdout, result.stderr]).toEqual([0, `${version}\n`, '']);
    }
    expect(cacheFiles()).toEqual([]);
    // With anything after it, commander answers (so the command line's bundle starts), the same way.
    const more = run(CLI, ['--version', 'status']);
    expect([more.status, more.stdout]).toEqual([0, `${version}\n`]);
    expect(cacheFiles()).toHaveLength(1);
  });
});
