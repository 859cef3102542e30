import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatKey, generateKey } from '../../src/core/key.js';
import { isolatedEnv } from '../helpers/temp-repo.js';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * `npm pack` as a fresh clone does it (build on prepack, no dev hooks in the manifest), then the
 * tarball installed offline into an app that uses it the ways the README says: the CLI through npx,
 * `require('envguard')`, `import`, and the `envguard/config` preload in both module systems.
 */
describe('the packed package from a fresh clone', () => {
  let root: string;
  let clone: string;
  let app: string;
  let env: NodeJS.ProcessEnv;
  let tarball: string;
  let originalManifest: string;
  const run = (command: string, args: string[], cwd: string, extra: NodeJS.ProcessEnv = {}): Run => {
    const result = spawnSync(command, args, { cwd, env: { ...env, ...extra }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  };
  const node = (args: string[], extra: NodeJS.ProcessEnv = {}) => run(process.execPath, args, app, extra);

  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'envguard-pack-'));
    env = isolatedEnv(root);
    clone = path.join(root, 'clone');
    // The working tree's files as a clone would have them (tracked plus new, never ignored ones).
    const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: projectRoot, encoding: 'utf8' });
    for (const file of listed.stdout.split('\0').filter(Boolean)) {
      // node_modules is a symlink in helper worktrees (so not caught by the `node_modules/` rule).
      if (file === 'node_modules' || !existsSync(path.join(projectRoot, file))) continue;
      mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
      cpSync(path.join(projectRoot, file), path.join(clone, file));
    }
    expect(existsSync(path.join(clone, 'dist'))).toBe(false);
    symlinkSync(path.join(projectRoot, 'node_modules'), path.join(clone, 'node_modules'));
    expect(run('git', ['init', '-q'], clone).status).toBe(0);
    originalManifest = readFileSync(path.join(clone, 'package.json'), 'utf8');
    const pkgs = path.join(root, 'pkgs');
    mkdirSync(pkgs);
    const packed = run('npm', ['pack', '--pack-destination', pkgs], clone);
    expect(packed.status, packed.stderr).toBe(0);
    tarball = path.join(pkgs, readdirSync(pkgs).find((name) => name.endsWith('.tgz')) ?? '');
    app = path.join(root, 'app');
    mkdirSync(app);
    writeFileSync(path.join(app, 'package.json'), '{ "name": "app", "version": "1.0.0", "private": true }\n');
    const installed = run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], app);
    expect(installed.status, installed.stderr).toBe(0);
  }, 300_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('packs a built package whose manifest runs nothing at install, and leaves the clone as it was', () => {
    const manifest = JSON.parse(readFileSync(path.join(app, 'node_modules', 'envguard', 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    for (const script of INSTALL_SCRIPTS) expect(manifest.scripts?.[script], script).toBeUndefined();
    for (const file of ['dist/cli.cjs', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/config.js', 'dist/config.cjs', 'templates/config.schema.json']) {
      expect(existsSync(path.join(app, 'node_modules', 'envguard', file)), file).toBe(true);
    }
    // postpack put the development manifest back byte for byte, and husky never ran in the clone.
    expect(readFileSync(path.join(clone, 'package.json'), 'utf8')).toBe(originalManifest);
    expect(existsSync(path.join(clone, '.package.json.prepack'))).toBe(false);
    expect(run('git', ['config', '--get', 'core.hooksPath'], clone).stdout).toBe('');
  });

  it('runs the CLI through npx', () => {
    const version = JSON.parse(originalManifest).version as string;
    const result = run('npx', ['--offline', 'envguard', '--version'], app);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('loads with require() and import, and envguard/config preloads the encrypted file in both', () => {
    const key = formatKey(generateKey(randomBytes));
    const encrypt = "const e = require('envguard'); process.stdout.write(e.encrypt('GREETING=hello from the bundle\\nAPI_TOKEN=tok-9f8e7d6c5b4a3\\n', process.env.KEY))";
    const made = node(['-e', encrypt], { KEY: key });
    expect(made.status, made.stderr).toBe(0);
    writeFileSync(path.join(app, '.env.encrypted'), made.stdout);
    const print = 'console.log(process.env.GREETING)';
    const required = node(['-r', 'envguard/config', '-e', print], { ENVGUARD_KEY: key });
    expect(required.status, required.stderr).toBe(0);
    expect(required.stdout).toBe('hello from the bundle\n');
    const imported = node(['--input-type=module', '-e', `import 'envguard/config'; ${print}`], { ENVGUARD_KEY: key });
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toBe('hello from the bundle\n');
    const esm = node(['--input-type=module', '-e', "import { config, status, mask } from 'envguard'; console.log([config, status, mask].map((f) => typeof f).join())"]);
    expect(esm.stdout).toBe('function,function,function\n');
    // The preload fills the same mask() the app imports (one library, not a second bundled copy).
    const masked = node(['-r', 'envguard/config', '-e', "console.log(require('envguard').mask('token ' + process.env.API_TOKEN))"], { ENVGUARD_KEY: key });
    expect(masked.status, masked.stderr).toBe(0);
    expect(masked.stdout).toBe('token ****\n');
  });

  it('envguard/config without an encrypted file warns and goes on, or stops with exit 2 when required', () => {
    const dir = path.join(app, 'empty');
    mkdirSync(dir, { recursive: true });
    const script = "require('envguard/config'); console.log('started')";
    const lenient = run(process.execPath, ['-e', script], dir, { NODE_PATH: path.join(app, 'node_modules') });
    expect(lenient.status, lenient.stderr).toBe(0);
    expect(lenient.stdout).toBe('started\n');
    expect(lenient.stderr).toContain('envguard: .env.encrypted does not exist; no variables loaded');
    const strict = run(process.execPath, ['-e', script], dir, { NODE_PATH: path.join(app, 'node_modules'), ENVGUARD_CONFIG_REQUIRED: 'true' });
    expect(strict.status).toBe(2);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain('envguard/config: .env.encrypted does not exist');
  });

  it('status() returns what `envguard status --json` prints', () => {
    const project = path.join(app, 'project');
    mkdirSync(project);
    expect(run('git', ['init', '-q'], project).status).toBe(0);
    const init = run('npx', ['--offline', 'envguard', 'init'], project);
    expect(init.status, init.stderr).toBe(0);
    const cli = run('npx', ['--offline', 'envguard', 'status', '--json'], project);
    expect(cli.status, cli.stderr).toBe(0);
    const library = run(process.execPath, ['-e', "console.log(JSON.stringify(require('envguard').status()))"], project);
    expect(library.status, library.stderr).toBe(0);
    const fromCli = JSON.parse(cli.stdout) as { environments: Array<{ environment: string; overdue: boolean }> };
    expect(JSON.parse(library.stdout)).toEqual(fromCli);
    expect(fromCli.environments[0]).toMatchObject({ environment: 'default', overdue: false });
  });

  // tsc takes 15-40 s on the shared machine.
  it('types resolve for both require and import', { timeout: 120_000 }, () => {
    writeFileSync(path.join(app, 'check.cts'), "import envguard = require('envguard');\nconst result: envguard.ConfigResult = envguard.config({ quiet: true });\nexport const due: boolean | undefined = envguard.status().environments[0]?.overdue;\nexport { result };\n");
    writeFileSync(path.join(app, 'check.mts'), "import { status, type StatusResult } from 'envguard';\nexport const result: StatusResult = status();\n");
    const tsc = path.join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const checked = node([tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', '--typeRoots', path.join(projectRoot, 'node_modules', '@types'), 'check.cts', 'check.mts']);
    expect(checked.status, checked.stdout).toBe(0);
  });
});
