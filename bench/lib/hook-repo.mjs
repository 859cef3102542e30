// A git repository set up the way the hook benches need it: `files` committed files, envguard
// initialised (plain git hooks), then `staged` edited files staged and one variable of a
// `variables`-variable .env changed. `restore()` puts back what a hook run changes (index, sync
// state, encrypted file), so every timed run does the same work.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Runs a command that must succeed; returns stdout. */
export function must(cmd, args, cwd, env) {
  const result = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** `variables` lines; variable 7 differs when `changed`. */
export function envText(variables, changed) {
  let text = '';
  for (let i = 0; i < variables; i++) text += `VAR_${i}=value-${i}-${i === 7 && changed ? 'changed' : 'original'}-${'x'.repeat(20)}\n`;
  return text;
}

/** Builds the repository under `dir`; see the file comment. */
export function makeHookRepo({ dir, cli, env, files = 20, staged = 20, variables = 50 }) {
  mkdirSync(dir, { recursive: true });
  must('git', ['init', '-q'], dir, env);
  const fileAt = (i) => path.join(dir, 'src', `d${Math.floor(i / 100)}`, `f${i}.txt`);
  for (let i = 0; i < Math.max(files, staged); i++) {
    if (i % 100 === 0) mkdirSync(path.dirname(fileAt(i)), { recursive: true });
    writeFileSync(fileAt(i), `file ${i}\n`);
  }
  writeFileSync(path.join(dir, '.env'), envText(variables, false));
  must('node', [cli, 'init', '--no-husky'], dir, env);
  must('git', ['add', '-A'], dir, env);
  must('git', ['commit', '-q', '--no-verify', '-m', 'initial'], dir, env);
  for (let i = 0; i < staged; i++) writeFileSync(fileAt(i), `file ${i}, edited\n`);
  must('git', ['add', 'src'], dir, env);
  writeFileSync(path.join(dir, '.env'), envText(variables, true));
  const gitDir = path.join(dir, '.git');
  const saved = [path.join(gitDir, 'index'), path.join(gitDir, 'envguard/state/.env.json'), path.join(dir, '.env.encrypted')]
    .filter((file) => existsSync(file))
    .map((file) => [file, readFileSync(file)]);
  return { dir, restore: () => saved.forEach(([file, bytes]) => writeFileSync(file, bytes)) };
}

/** Checks the hook really encrypted and staged the changed .env (a bench of a no-op proves nothing). */
export function assertHookStaged(repo, env) {
  if (!must('git', ['diff', '--cached', '--name-only'], repo.dir, env).includes('.env.encrypted')) throw new Error('the hook did not stage .env.encrypted');
}

/**
 * A repository with branches `main` and `other` whose `.env.encrypted` differ in one of
 * `variables` variables. `switchTo(branch)` checks a branch out with hooks off, so the timed
 * `envguard hook post-checkout` then has a real change to decrypt.
 */
export function makeSyncRepo({ dir, cli, env, variables = 50, files = 20 }) {
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  must('git', ['init', '-q'], dir, env);
  for (let i = 0; i < files; i++) writeFileSync(path.join(dir, 'src', `f${i}.txt`), `file ${i}\n`);
  writeFileSync(path.join(dir, '.env'), envText(variables, false));
  must('node', [cli, 'init', '--no-husky'], dir, env);
  must('git', ['add', '-A'], dir, env);
  must('git', ['commit', '-q', '--no-verify', '-m', 'initial'], dir, env);
  // Hooks off: a post-checkout with nothing to decrypt would write the hook's code cache from that
  // short path, and every timed run would then compile the decrypting functions again (~10% more
  // instructions than a cache written by a run that decrypts; see src/io/code-cache.ts).
  must('git', ['-c', 'core.hooksPath=/dev/null', 'checkout', '-q', '-b', 'other'], dir, env);
  // Committed through the hooks, so envguard's sync state knows the branch's .env.
  writeFileSync(path.join(dir, '.env'), envText(variables, true));
  writeFileSync(path.join(dir, 'src', 'f0.txt'), 'file 0, edited\n');
  must('git', ['add', 'src'], dir, env);
  must('git', ['commit', '-q', '-m', 'change one variable'], dir, env);
  const heads = { main: must('git', ['rev-parse', 'main'], dir, env).trim(), other: must('git', ['rev-parse', 'other'], dir, env).trim() };
  let current = 'other';
  return {
    dir,
    /** Checks `branch` out without running hooks; returns the post-checkout arguments git would pass. */
    switchTo(branch) {
      must('git', ['-c', 'core.hooksPath=/dev/null', 'checkout', '-q', branch], dir, env);
      const args = [heads[current], heads[branch], '1'];
      current = branch;
      return args;
    },
    /** The .env the hook should have written for `branch`. */
    expected: (branch) => envText(variables, branch === 'other'),
  };
}
