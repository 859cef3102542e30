import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gitText } from './git.js';

/** Where a hook works: the working tree top, its git dir (per worktree) and the common git dir. */
export interface RepoPaths {
  root: string;
  gitDir: string;
  commonDir: string;
}

/**
 * The repository paths for a hook, without spawning git when it can be avoided: git runs hooks
 * at the top of the working tree (githooks(5)) and exports GIT_DIR in linked worktrees, so a
 * `.git` in the working directory tells us everything. Anything unusual (GIT_WORK_TREE, no
 * `.git` here, a driver run from elsewhere) asks `git rev-parse`, which is always right.
 */
export function hookRepoPaths(cwd: string, env: NodeJS.ProcessEnv): RepoPaths {
  if (!env.GIT_WORK_TREE && !env.GIT_COMMON_DIR) {
    const gitDir = env.GIT_DIR ? path.resolve(cwd, env.GIT_DIR) : dotGitTarget(cwd);
    if (gitDir !== undefined && isDir(gitDir) && isGitEntry(cwd)) return { root: cwd, gitDir, commonDir: commonDirOf(gitDir) };
  }
  const [root, gitDir, commonDir] = gitText(['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-dir', '--git-common-dir'], { cwd, baseEnv: env }).split('\n');
  if (!root || !gitDir || !commonDir) throw new Error('git rev-parse gave no paths');
  return { root, gitDir, commonDir };
}

/** `.git` as a directory, or the `gitdir:` a `.git` file points to (linked worktrees, submodules). */
function dotGitTarget(cwd: string): string | undefined {
  const dotGit = path.join(cwd, '.git');
  if (isDir(dotGit)) return dotGit;
  try {
    const match = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'));
    return match?.[1] ? path.resolve(cwd, match[1].trim()) : undefined;
  } catch {
    return undefined;
  }
}

/** A linked worktree's git dir names the shared one in its `commondir` file. */
function commonDirOf(gitDir: string): string {
  try {
    return path.resolve(gitDir, readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim());
  } catch {
    return gitDir;
  }
}

function isGitEntry(cwd: string): boolean {
  try {
    statSync(path.join(cwd, '.git'));
    return true;
  } catch {
    return false;
  }
}

function isDir(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** The index git is working on: GIT_INDEX_FILE when git set one (a partial or `-a` commit), else the git dir's own. */
export function indexFileOf(paths: RepoPaths, cwd: string, env: NodeJS.ProcessEnv): string {
  return env.GIT_INDEX_FILE ? path.resolve(cwd, env.GIT_INDEX_FILE) : path.join(paths.gitDir, 'index');
}
