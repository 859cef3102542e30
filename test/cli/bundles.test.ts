import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt } from '../helpers/run-cli.js';

const dist = path.dirname(CLI);
const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');
/** The modules a bundle was built from, by the `// <path>` comments the bundler leaves. */
const sources = (file: string) => [...read(file).matchAll(/^\/\/ (\S+\.(?:[cm]?[jt]s))$/gm)].map((m) => m[1] as string);

// What keeps the hook fast (bench/hook.mjs; issue 14): the bin is a launcher of Node built-ins only,
// and the hook bundle carries none of the command line.
describe('bundle structure on the hook path', () => {
  beforeAll(() => ensureBuilt());

  it('the bin (dist/cli.cjs) is a small launcher that requires Node built-ins only', () => {
    expect(statSync(CLI).size).toBeLessThan(8 * 1024);
    expect(read('cli.cjs').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const requires = [...read('cli.cjs').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(requires.length).toBeGreaterThan(0);
    for (const name of requires) expect(['crypto', 'fs', 'path', 'vm', 'zlib']).toContain(name);
  });

  it('the bundles the launcher starts are ASCII (a non-ASCII character makes V8 decode and hold the source as two-byte text)', () => {
    for (const file of ['hook.cjs', 'main.cjs']) expect(/[\u0080-\uffff]/.test(read(file)), file).toBe(false);
  });

  it('dist/hook.cjs loads node:child_process only on its first spawn (src/io/child-process.ts): a post-checkout that spawns nothing skips ~10M instructions', () => {
    const hook = read('hook.cjs');
    expect([...hook.matchAll(/require\("(?:node:)?child_process"\)/g)]).toHaveLength(1);
    expect(hook).toContain('getBuiltinModule("node:child_process")');
  });

  it('dist/hook.cjs holds no commander, chalk, command tree or CLI output code', () => {
    const hook = sources('hook.cjs');
    expect(hook.some((file) => file.startsWith('src/hooks/'))).toBe(true);
    const forbidden = hook.filter((file) => /node_modules\/(commander|chalk)\/|src\/cli\/(commands|output|main|run-command)/.test(file));
    expect(forbidden).toEqual([]);
    // and the command line does carry them (the check above would catch a change of comment style)
    expect(sources('main.cjs').some((file) => file.includes('node_modules/commander/'))).toBe(true);
  });

  it('every bundle requires only Node built-ins (zero runtime dependencies)', () => {
    for (const file of ['cli.cjs', 'hook.cjs', 'main.cjs']) {
      // (ajv's generated code names its runtime in a string, 'require("ajv/…")': not a call)
      const calls = [...read(file).matchAll(/(?<!['"])\brequire\("([^"]+)"\)/g)].map((m) => m[1] as string);
      expect(calls.length, file).toBeGreaterThan(0);
      const external = calls.filter((name) => !/^(node:)?[a-z_]+(\/[a-z_]+)?$/.test(name));
      expect(external, file).toEqual([]);
    }
  });
});
