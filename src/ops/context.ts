import { randomBytes } from 'node:crypto';
import { envFileFor } from '../core/env-files.js';
import { isEnvguardError } from '../errors.js';
import { loadConfig, type EnvguardConfig } from '../io/config.js';
import { bindGit, type Git } from '../io/git.js';
import { createKeyRing, defaultKeySources, type KeyRing, type KeySource, type KeyRingOptions } from '../io/key-ring.js';
import { readProjectId } from '../io/project.js';
import { hookRepoPaths, type RepoPaths } from '../io/repo-paths.js';
import { accessKeySources } from './access/access-key-source.js';

/** Where use cases send what they have to say; the CLI decides colour and streams. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Only with `--verbose`/`ENVGUARD_DEBUG`; never given a secret value. */
  debug(message: string): void;
}

/**
 * What every use case in `src/ops` is handed (STYLE.md), built once per process by the CLI or
 * hook entry: the directory it works in, the repository, the validated config, git bound to
 * this context's environment, the key ring, the clock, the random source and a logger. Use
 * cases return results and throw `EnvguardError`; they never exit, derive the repository root,
 * read `.envguard.json` or look keys up themselves.
 *
 * `repo`, `config` and `keys` are looked up on first use, once: a command that needs none of them
 * (keygen) spawns no git. `repo` throws `NOT_A_GIT_REPO` outside a repository; `config` then
 * comes from the working directory.
 */
export interface OpsContext {
  cwd: string;
  now: () => Date;
  random: (size: number) => Buffer;
  env: NodeJS.ProcessEnv;
  log: Logger;
  readonly repo: RepoPaths;
  readonly config: EnvguardConfig;
  readonly git: Git;
  readonly keys: KeyRing;
}

export const silentLogger: Logger = { info() {}, warn() {}, debug() {} };

/** What a context is built from; everything else is derived (and may be given, as tests and hooks do). */
export type ContextInit = Partial<OpsContext> & {
  /** The project root when the caller knows it without asking git (a hook, the run-time library). */
  root?: string;
  /** Extra key sources tried after the key store and before `keyCommand` (per-person access). */
  keySources?: (options: Pick<KeyRingOptions, 'env' | 'root' | 'keyCommand' | 'projectId'>) => KeySource[];
};

export function defaultContext(overrides: ContextInit = {}): OpsContext {
  const { keySources, root, repo, config, git, keys, ...base } = overrides;
  const ctx = {
    cwd: process.cwd(),
    now: () => new Date(),
    random: (size: number) => randomBytes(size),
    env: process.env,
    log: silentLogger,
    ...base,
  };
  let repoMemo = repo;
  let configMemo = config;
  const repoOf = (): RepoPaths => (repoMemo ??= hookRepoPaths(ctx.cwd, ctx.env));
  // Outside a repository (encrypt --env-path in a plain folder) the working directory is the project.
  const projectRoot = (): string => {
    if (root !== undefined) return root;
    try {
      return repoOf().root;
    } catch (error) {
      if (isEnvguardError(error, 'NOT_A_GIT_REPO') || isEnvguardError(error, 'GIT_MISSING')) return ctx.cwd;
      throw error;
    }
  };
  const configOf = (): EnvguardConfig => (configMemo ??= loadConfig(projectRoot()));
  const gitMemo = git ?? bindGit(ctx.cwd, ctx.env);
  const keysMemo =
    keys ??
    createKeyRing({
      env: ctx.env,
      root: projectRoot,
      keyCommand: () => configOf().keyCommand,
      // An env file in a subfolder shares the project's key store entry via the ledger at the top.
      projectId: (envName) => readProjectId(projectRoot(), envFileFor(envName)),
      sources: keySources ? (options) => insertBeforeCommand(options, keySources(options)) : (options) => accessKeySources(options, ctx.log),
    });
  return Object.defineProperties(ctx, {
    repo: { get: repoOf, enumerable: true },
    config: { get: configOf, enumerable: true },
    git: { value: gitMemo, enumerable: true },
    keys: { value: keysMemo, enumerable: true },
  }) as OpsContext;
}

/** The same context working in another directory (git and paths follow; keys and config are the project's). */
export function withCwd(ctx: OpsContext, cwd: string): OpsContext {
  if (cwd === ctx.cwd) return ctx;
  return defaultContext({ cwd, now: ctx.now, random: ctx.random, env: ctx.env, log: ctx.log, keys: ctx.keys, config: ctx.config });
}

/** Extra sources go after the key store and before `keyCommand` (DESIGN.md: access files). */
function insertBeforeCommand(options: Pick<KeyRingOptions, 'env' | 'root' | 'keyCommand' | 'projectId'>, extra: KeySource[]): KeySource[] {
  const [variables, store, command] = defaultKeySources(options) as [KeySource, KeySource, KeySource];
  return [variables, store, ...extra, command];
}
