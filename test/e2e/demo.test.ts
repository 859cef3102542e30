import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/run-cli.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('npm run demo', () => {
  beforeAll(() => ensureBuilt());

  // The issue asks for the demo to finish in under 30 s on its own (`npm run demo` prints its time;
  // about 9 s here). In the suite it shares the cores with other test files running in parallel
  // (37 s under a load of 12), so the timeout allows twice the budget and catches a hang.
  it('tells the whole story with real git and hooks, and every step behaves', { timeout: 60_000 }, () => {
    const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'demo.mjs')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.stdout).toMatch(/demo finished in [\d.]+s/);
    expect(result.stdout).not.toContain('!!');
    expect(result.status).toBe(0);
    // The demo's own secret values appear only where the story shows the plaintext .env on purpose.
    expect(result.stdout).toContain('DB_PASSWORD=fernet:');
    // Every .env edit is a command on screen, messages print in the order they were written, and
    // --force appears only where envguard itself said it is needed.
    expect(result.stdout).toContain("$ envguard set GREETING \"hello again\"");
    expect(result.stdout).toContain("$ sed -i.orig 's/^DB_USER=app$/DB_USER=feature_app/' .env");
    expect(result.stdout.indexOf('changed GREETING in .env')).toBeLessThan(result.stdout.indexOf('+GREETING="hello again"'));
    expect(result.stdout.match(/--force/g)?.length).toBe(2);
    expect(result.stdout.indexOf('fix: rotate now anyway with `envguard rotate --force`')).toBeLessThan(result.stdout.indexOf('$ envguard rotate --force'));
  });
});
