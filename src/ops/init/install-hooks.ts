import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { gitPath, gitText } from '../../io/git.js';
import { runNodeScript } from '../../io/node-script.js';
import { packageRoot, runningCliPath } from '../../io/package-files.js';
import { readTextIfExists } from '../../io/read-file.js';

export const INSTALLED_HOOKS = ['pre-commit', 'post-commit', 'post-checkout', 'post-merge', 'post-rewrite', 'pre-push'] as const;

export interface HookInstall {
  mode: 'husky' | 'git';
  /** Hook files written or changed. */
  changed: string[];
  /** Hooks that were there before and now run first, chained. */
  chained: string[];
}

/** True when the project uses husky: a `.husky/` folder or husky in package.json. */
export function usesHusky(root: string): boolean {
  if (existsSync(path.join(root, '.husky'))) return true;
  const manifest = readTextIfExists(path.join(root, 'package.json'));
  return manifest !== undefined && /"husky"\s*:/.test(manifest);
}

/**
 * Installs the hooks: lines in `.husky/<hook>` for husky projects (kept with the project, so a
 * fresh clone gets them from `npm install`), else a shim per hook in the directory git really
 * uses (`git rev-parse --git-path hooks`, which honours `core.hooksPath` and worktrees).
 * Never touches global git config.
 */
export function installHooks(root: string, mode: 'husky' | 'git'): HookInstall {
  writeRunner(root);
  return mode === 'husky' ? installHusky(root) : installGitHooks(root);
}

function installHusky(root: string): HookInstall {
  const dir = path.join(root, '.husky');
  mkdirSync(dir, { recursive: true });
  const changed: string[] = [];
  for (const hook of INSTALLED_HOOKS) {
    const file = path.join(dir, hook);
    const before = readTextIfExists(file) ?? '';
    const line = `envguard hook ${hook} "$@"`;
    if (before.split('\n').some((l) => l.trim() === line)) continue;
    writeFileAtomic(file, `${before}${before === '' || before.endsWith('\n') ? '' : '\n'}${line}\n`, { mode: 0o755 });
    chmodSync(file, 0o755);
    changed.push(path.relative(root, file));
  }
  // husky 9 points core.hooksPath at .husky/_ on `npm install` (its `prepare` script); do it now too.
  const huskyBin = path.join(root, 'node_modules', 'husky', 'bin.js');
  if (existsSync(huskyBin) && gitText(['config', '--local', '--default', '', 'core.hooksPath'], { cwd: root }) === '') {
    runNodeScript(huskyBin, [], root);
  }
  return { mode: 'husky', changed, chained: [] };
}

function installGitHooks(root: string): HookInstall {
  const dir = gitPath(root, 'hooks');
  mkdirSync(dir, { recursive: true });
  const shim = readFileSync(path.join(packageRoot(), 'hooks', 'hook.sh'), 'utf8');
  const changed: string[] = [];
  const chained: string[] = [];
  for (const hook of INSTALLED_HOOKS) {
    const file = path.join(dir, hook);
    const before = readTextIfExists(file);
    if (before === shim) continue;
    if (before !== undefined && !before.includes('envguard git hook (installed by `envguard init`')) {
      renameSync(file, `${file}.pre-envguard`);
      chmodSync(`${file}.pre-envguard`, 0o755);
      chained.push(hook);
    }
    writeFileAtomic(file, shim, { mode: 0o755 });
    chmodSync(file, 0o755);
    changed.push(hook);
  }
  return { mode: 'git', changed, chained };
}

/** `<git common dir>/envguard/run`: how hooks and drivers find envguard (see hooks/run.sh). */
function writeRunner(root: string): void {
  const dir = path.join(path.resolve(root, gitText(['rev-parse', '--git-common-dir'], { cwd: root })), 'envguard');
  mkdirSync(dir, { recursive: true });
  const runner = readFileSync(path.join(packageRoot(), 'hooks', 'run.sh'), 'utf8');
  if (readTextIfExists(path.join(dir, 'run')) !== runner) writeFileAtomic(path.join(dir, 'run'), runner, { mode: 0o755 });
  const cli = runningCliPath();
  if (cli && readTextIfExists(path.join(dir, 'cli-path')) !== `${cli}\n`) writeFileAtomic(path.join(dir, 'cli-path'), `${cli}\n`);
}
