import { existsSync } from 'node:fs';
import path from 'node:path';
import { defaultContext, type OpsContext } from '../../src/ops/context.js';
import { init, type InitOptions, type InitResult } from '../../src/ops/init/init.js';
import { createTempRepo, type TempRepo } from './temp-repo.js';

/**
 * A real temp repository set up by the `init` use case itself, in-process (plain git hooks, the
 * key in the repository's private key store), for ops tests that need keys and ledgers.
 */
export interface InitProject {
  repo: TempRepo;
  /** A fresh context, as each CLI run builds one; `extraEnv` is laid over the repository's environment. */
  ctx(extraEnv?: NodeJS.ProcessEnv): OpsContext;
  /** Runs `init` again (or for the first time with `files: {}`). */
  init(options?: InitOptions, extraEnv?: NodeJS.ProcessEnv): InitResult;
  exists(file: string): boolean;
  /** The `init` result that set the project up (undefined when created without running it). */
  first?: InitResult;
}

export function createInitProject(files: Record<string, string> = { '.env': 'API_TOKEN=abcdefghijklmnop\nPORT=8080\n' }, options: { run?: boolean } = {}): InitProject {
  const repo = createTempRepo();
  for (const [file, content] of Object.entries(files)) repo.write(file, content);
  const ctx = (extraEnv: NodeJS.ProcessEnv = {}) => defaultContext({ cwd: repo.dir, env: { ...repo.env, ...extraEnv } });
  const run = (initOptions: InitOptions = {}, extraEnv?: NodeJS.ProcessEnv) => init(ctx(extraEnv), { husky: false, ...initOptions });
  const project: InitProject = { repo, ctx, init: run, exists: (file) => existsSync(path.join(repo.dir, file)) };
  if (options.run !== false) project.first = run();
  return project;
}
