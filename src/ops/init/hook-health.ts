import path from 'node:path';
import { gitPath, type Git } from '../../io/git.js';
import { readTextIfExists } from '../../io/read-file.js';
import { INSTALLED_HOOKS, isEnvguardShim } from './install-hooks.js';
import { INIT_OP_MESSAGES } from './init-messages.js';

export interface HookHealth {
  /** Who runs envguard's hooks here, as far as the files show. */
  manager: 'husky' | 'git' | 'other' | 'none';
  /** False when git would not run envguard on commit, checkout or push. */
  active: boolean;
  /** What is wrong, with the fix, when not active. */
  problem?: string;
  hint?: string;
}

/** Config files of hook managers that call `envguard hook` themselves (docs/hooks.md). */
const OTHER_MANAGERS = ['lefthook.yml', 'lefthook.yaml', '.lefthook.yml', '.pre-commit-config.yaml'];

/**
 * Whether git really runs envguard's hooks: setting `core.hooksPath` after `init` (or a husky
 * project before `npm install`) silently turns every check off, and only `status` can tell.
 */
export function hookHealth(git: Git, root: string): HookHealth {
  const huskyLines = INSTALLED_HOOKS.filter((hook) => (readTextIfExists(path.join(root, '.husky', hook)) ?? '').includes(`envguard hook ${hook}`));
  const hooksDir = gitPath(git, 'hooks');
  if (huskyLines.length > 0) {
    const hooksPath = git.text(['config', '--default', '', 'core.hooksPath']);
    if (path.resolve(root, hooksPath) === path.join(root, '.husky', '_')) return { manager: 'husky', active: true };
    return { manager: 'husky', active: false, ...INIT_OP_MESSAGES.huskyNotRun(hooksPath === '' ? hooksDir : hooksPath) };
  }
  // post-index-change only undoes an aborted merge's conflict view (pre-commit does it too): an
  // install from before it existed still guards every commit, checkout and push.
  const required = INSTALLED_HOOKS.filter((hook) => hook !== 'post-index-change');
  const shims = INSTALLED_HOOKS.filter((hook) => isEnvguardShim(readTextIfExists(path.join(hooksDir, hook)) ?? ''));
  if (required.every((hook) => shims.includes(hook))) return { manager: 'git', active: true };
  if (OTHER_MANAGERS.some((file) => (readTextIfExists(path.join(root, file)) ?? '').includes('envguard hook'))) return { manager: 'other', active: true };
  const missing = required.filter((hook) => !shims.includes(hook));
  return { manager: shims.length > 0 ? 'git' : 'none', active: false, ...INIT_OP_MESSAGES.hooksMissing(path.relative(root, hooksDir) || hooksDir, missing) };
}
