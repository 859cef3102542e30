import type { Wording } from '../../errors.js';

/** What `envguard init` and the hook health check (`status`) say, in one place so the wording is reviewed together. */
export const INIT_OP_MESSAGES = {
  notAnEnvironment: (envFile: string): Wording => ({
    message: `${envFile} is a per-developer or backup file, not an environment; it stays on this machine, ignored by git`,
    hint: 'pick another name, e.g. `envguard init --env staging`',
  }),
  sharedHooksPath: (dir: string): Wording => ({
    message: `core.hooksPath points at ${dir}, outside this repository; other repositories may use those hooks too`,
    hint: "run `envguard init --hooks-path` to install there anyway, `git config --unset core.hooksPath` to use this repository's own hooks, or `envguard init --no-hooks` with your hook manager",
  }),
  huskyNotRun: (hooksDir: string) => ({
    problem: `.husky/ has envguard's hooks, but git runs hooks from ${hooksDir}`,
    hint: 'run `npm install` (husky sets core.hooksPath on prepare), or `npx husky`',
  }),
  hooksMissing: (hooksDir: string, missing: readonly string[]) => ({
    problem: `git runs hooks from ${hooksDir}, where envguard's ${missing.join(', ')} hook(s) are missing`,
    hint: 'run `envguard init` (add `--hooks-path` to install into a shared core.hooksPath)',
  }),
};
