import path from 'node:path';
import { failure } from '../../errors.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { gitPath, type Git } from '../../io/git.js';
import { runNodeScript } from '../../io/node-script.js';
import { readPackageFile } from '../../io/package-files.js';
import { makeDir, makeExecutable, pathExists, readTextIfExists, renameFile } from '../../io/read-file.js';
import { INIT_OP_MESSAGES } from './init-messages.js';

export const INSTALLED_HOOKS = ['pre-commit', 'post-commit', 'post-checkout', 'post-merge', 'post-rewrite', 'pre-push', 'post-index-change'] as const;

/** husky 9 runs no `post-index-change`: there, pre-commit undoes an aborted merge's view instead. */
const HUSKY_HOOKS = INSTALLED_HOOKS.filter((hook) => hook !== 'post-index-change');

export interface HookInstall {
  /** `none`: another hook manager (lefthook, the pre-commit framework) calls `envguard hook`. */
  mode: 'husky' | 'git' | 'none';
  /** Hook files written or changed. */
  changed: string[];
  /** Hooks that were there before and now run first, chained. */
  chained: string[];
}

/** True when the project uses husky: a `.husky/` folder or husky in package.json. */
export function usesHusky(root: string): boolean {
  if (pathExists(path.join(root, '.husky'))) return true;
  const manifest = readTextIfExists(path.join(root, 'package.json'));
  return manifest !== undefined && /"husky"\s*:/.test(manifest);
}

/**
 * Installs the hooks: lines in `.husky/<hook>` for husky projects (kept with the project, so a
 * fresh clone gets them from `npm install`), else a shim per hook in the directory git really
 * uses (`git rev-parse --git-path hooks`, which honours `core.hooksPath` and worktrees).
 * Never touches global git config.
 */
export function installHooks(git: Git, root: string, mode: HookInstall['mode']): HookInstall {
  if (mode === 'none') return { mode, changed: [], chained: [] };
  return mode === 'husky' ? installHusky(git, root) : installGitHooks(git);
}

/**
 * A `core.hooksPath` outside the repository is usually shared (a team-wide or machine-wide hooks
 * folder): envguard's shims there would run in every repository that uses it, where they can
 * only fail. Writing there takes `--hooks-path`.
 */
export function assertOwnHooksDir(git: Git, root: string): void {
  const dir = gitPath(git, 'hooks');
  const commonDir = path.resolve(root, git.text(['rev-parse', '--git-common-dir']));
  const inside = (parent: string) => {
    const relative = path.relative(parent, dir);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  };
  if (inside(root) || inside(commonDir)) return;
  throw failure('USAGE', INIT_OP_MESSAGES.sharedHooksPath(dir));
}

function installHusky(git: Git, root: string): HookInstall {
  const dir = path.join(root, '.husky');
  makeDir(dir);
  const changed: string[] = [];
  for (const hook of HUSKY_HOOKS) {
    const file = path.join(dir, hook);
    const before = readTextIfExists(file) ?? '';
    const line = `envguard hook ${hook} "$@"`;
    if (before.split('\n').some((l) => l.trim() === line)) continue;
    writeFileAtomic(file, `${before}${before === '' || before.endsWith('\n') ? '' : '\n'}${line}\n`, { mode: 0o755 });
    makeExecutable(file);
    changed.push(path.relative(root, file));
  }
  // husky 9 points core.hooksPath at .husky/_ on `npm install` (its `prepare` script); do it now too.
  const huskyBin = path.join(root, 'node_modules', 'husky', 'bin.js');
  if (pathExists(huskyBin) && git.text(['config', '--local', '--default', '', 'core.hooksPath']) === '') {
    runNodeScript(huskyBin, [], root);
  }
  return { mode: 'husky', changed, chained: [] };
}

function installGitHooks(git: Git): HookInstall {
  const dir = gitPath(git, 'hooks');
  makeDir(dir);
  const shim = readPackageFile('hooks', 'hook.sh');
  const changed: string[] = [];
  const chained: string[] = [];
  for (const hook of INSTALLED_HOOKS) {
    const file = path.join(dir, hook);
    const before = readTextIfExists(file);
    if (before === shim) continue;
    if (before !== undefined && !isEnvguardShim(before)) {
      renameFile(file, `${file}.pre-envguard`);
      makeExecutable(`${file}.pre-envguard`);
      chained.push(hook);
    }
    writeFileAtomic(file, shim, { mode: 0o755 });
    makeExecutable(file);
    changed.push(hook);
  }
  return { mode: 'git', changed, chained };
}

/** Whether a hook file is envguard's shim (any version). */
export function isEnvguardShim(text: string): boolean {
  return text.includes('envguard git hook (installed by `envguard init`');
}
