import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, runCli } from '../helpers/run-cli.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');

/** The official SARIF 2.1.0 schema (as test/core/scan/formatters.test.ts validates the scan's SARIF). */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  delete schema.id;
  return new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
}

/** The `run:` script of the action's envguard step, exactly as action.yml holds it. */
function actionScript(): string {
  const yaml = require('js-yaml') as { load(text: string): unknown };
  const action = yaml.load(readFileSync(path.join(root, 'action.yml'), 'utf8')) as { runs: { using: string; steps: Array<{ id?: string; run?: string; uses?: string }> } };
  expect(action.runs.using).toBe('composite');
  expect(action.runs.steps.some((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
  const script = action.runs.steps.find((step) => step.id === 'ci')?.run ?? '';
  // Expressions pasted into a script are an injection hole: inputs come through env only.
  expect(script).not.toContain('${{');
  return script;
}

describe('envguard ci', () => {
  beforeAll(() => ensureBuilt(), 120_000);
  let repo: TempRepo | undefined;
  afterEach(() => repo?.cleanup());

  function project(): { repo: TempRepo; base: string } {
    const r = createTempRepo();
    r.git('config', 'gc.auto', '0');
    r.write('README.md', 'hi\n');
    r.git('add', '.');
    r.git('commit', '-q', '-m', 'base');
    return { repo: r, base: r.git('rev-parse', 'HEAD').trim() };
  }

  it('passes a clean range and fails (exit 1) on a plaintext env file committed after the base, in every format', () => {
    const p = project();
    repo = p.repo;
    repo.write('app.js', 'console.log(1)\n');
    repo.git('add', '.');
    repo.git('commit', '-q', '-m', 'clean');
    const clean = runCli(['ci', '--against', p.base], { cwd: repo.dir, env: repo.env });
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/ok {2}1 commit\(s\) scanned/);
    expect(clean.stdout).not.toContain('not checked');

    repo.write('.env', 'DB_PASSWORD=pa55-word-very-secret\n');
    repo.git('add', '-f', '.env');
    repo.git('commit', '-q', '--no-verify', '-m', 'oops');
    const text = runCli(['ci', '--against', p.base], { cwd: repo.dir, env: repo.env });
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('.env:1:1 plaintext-env-file');
    expect(text.stdout).toContain("git rm --cached -- '.env'");
    expect(text.stdout).not.toContain('pa55-word');

    const json = runCli(['ci', '--against', p.base, '--json'], { cwd: repo.dir, env: repo.env });
    expect(json.status).toBe(1);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; problems: Array<{ check: string; code: string; hint: string; commit?: string }>; notChecked: string[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.problems.map((problem) => problem.check).sort()).toEqual(['commits', 'tracked-files']);
    // Each problem is a Problem: one code per situation and its fix (issue 9).
    const oops = repo.git('rev-parse', 'HEAD').trim();
    expect(parsed.problems.map((problem) => [problem.check, problem.code, problem.commit]).sort()).toEqual([['commits', 'SECRET_FOUND', oops], ['tracked-files', 'PLAINTEXT_STAGED', undefined]]);
    expect(parsed.problems.every((problem) => problem.hint.length > 0)).toBe(true);
    expect(parsed.notChecked).toEqual([]);

    const sarif = runCli(['ci', '--against', p.base, '--format', 'sarif'], { cwd: repo.dir, env: repo.env });
    expect(sarif.status).toBe(1);
    const validate = sarifValidator();
    const log = JSON.parse(sarif.stdout) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0]?.results.map((result) => result.ruleId)).toContain('plaintext-env-file');
    expect(sarif.stdout).not.toContain('pa55-word');
  });

  it('reports a ledger that does not verify (exit 1), also as a valid SARIF result, with no key', () => {
    const p = project();
    repo = p.repo;
    repo.write('.env.ledger.json', '{"entries": []}\n');
    repo.git('add', '.');
    repo.git('commit', '-q', '-m', 'bad ledger');
    const text = runCli(['ci', '--against', p.base], { cwd: repo.dir, env: repo.env });
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/^ledger: \.env\.ledger\.json: /m);
    const sarif = runCli(['ci', '--against', p.base, '--format', 'sarif'], { cwd: repo.dir, env: repo.env });
    const log = JSON.parse(sarif.stdout) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0]?.results.map((result) => result.ruleId)).toContain('ledger-invalid');
  });

  it('a shallow clone without the base: one line with the fetch, exit 2; a missing rev: exit 2', () => {
    const p = project();
    repo = p.repo;
    for (const n of [1, 2]) {
      repo.write(`f${n}.txt`, `${n}\n`);
      repo.git('add', '.');
      repo.git('commit', '-q', '-m', `c${n}`);
    }
    const shallow = path.join(path.dirname(repo.dir), 'shallow');
    repo.git('clone', '-q', '--depth', '1', `file://${repo.dir}`, shallow);
    const result = runCli(['ci', '--against', p.base], { cwd: shallow, env: repo.env });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`--against ${p.base}: not in this clone, which is shallow`);
    expect(result.stderr).toContain('fetch-depth: 0');
    const missing = runCli(['ci', '--against', 'no-such-branch'], { cwd: repo.dir, env: repo.env });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--against no-such-branch: no such commit in this clone');
  });

  it("runs the action's script as GitHub would (bash -e, its env vars): exit code passed on, SARIF written and valid", () => {
    const p = project();
    repo = p.repo;
    const script = actionScript();
    const temp = path.join(path.dirname(repo.dir), 'runner-temp');
    mkdirSync(temp, { recursive: true });
    const scriptFile = path.join(temp, 'step.sh');
    writeFileSync(scriptFile, script);
    const output = path.join(temp, 'github-output');
    const run = (env: NodeJS.ProcessEnv) => {
      writeFileSync(output, '');
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', scriptFile], {
        cwd: repo?.dir,
        env: { ...repo?.env, ENVGUARD_BIN: `${process.execPath} ${CLI}`, RUNNER_TEMP: temp, GITHUB_OUTPUT: output, INPUT_UPLOAD_SARIF: 'true', ...env },
        encoding: 'utf8',
      });
      return { status: result.status, stdout: result.stdout, output: readFileSync(output, 'utf8') };
    };
    const clean = run({ INPUT_AGAINST: '', EVENT_BEFORE: p.base });
    expect(clean.status).toBe(0);
    expect(clean.output).toBe(`sarif=${path.join(temp, 'envguard.sarif')}\n`);

    repo.write('deploy/.env.production', 'TOKEN=abcdef-secret-1234567\n');
    repo.git('add', '-f', '.');
    repo.git('commit', '-q', '--no-verify', '-m', 'leak');
    // A push event: the base is the commit before the push.
    const leak = run({ INPUT_AGAINST: '', EVENT_BEFORE: p.base });
    expect(leak.status).toBe(1);
    expect(leak.stdout).toContain('deploy/.env.production:1:1 plaintext-env-file');
    const sarif = JSON.parse(readFileSync(path.join(temp, 'envguard.sarif'), 'utf8')) as unknown;
    expect(sarifValidator()(sarif)).toBe(true);
    // A new branch's first push (before = zeros) scans all of HEAD's history.
    expect(run({ INPUT_AGAINST: '', EVENT_BEFORE: '0'.repeat(40) }).stdout).toMatch(/2 commit\(s\) scanned \(all of HEAD\)/);
    // A pull request: the base branch from origin.
    repo.git('branch', 'base-branch', p.base);
    repo.git('remote', 'add', 'origin', repo.dir);
    expect(run({ INPUT_AGAINST: '', EVENT_BEFORE: '', GITHUB_BASE_REF: 'base-branch' }).stdout).toMatch(/1 commit\(s\) scanned/);
  });
});
