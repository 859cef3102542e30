import { createMasker, type MaskableValue, type Masker } from '../core/mask/index.js';
import { spawnMasked, type ChildOutcome, type SpawnMaskedOptions } from '../io/spawn-masked.js';
import type { OpsContext } from './context.js';

/** A decrypted variable to hand to the child. */
export interface RunVariable {
  name: string;
  value: string;
}

export interface RunRequest {
  command: string;
  args: readonly string[];
  /** Decrypted variables, in load order: a later one with the same name wins (`--env a --env b`). */
  variables: readonly RunVariable[];
  /** Decrypted values replace variables already set in the environment (default: the environment wins). */
  override?: boolean;
  /** Mask secret values in the child's output (default true; `--no-mask` turns it off). */
  mask?: boolean;
  /** Names listed as sensitive in `.envguard.json`. */
  sensitiveNames?: readonly string[];
  /** Names listed as public in `.envguard.json`: never masked. */
  publicNames?: readonly string[];
}

/** The process plumbing, replaceable in tests. */
export type RunPlumbing = Pick<SpawnMaskedOptions, 'stdin' | 'stdout' | 'stderr' | 'signalSource' | 'terminalDeliversSigint'> & {
  spawn?: typeof spawnMasked;
};

/** Variables that hold envguard keys: the child inherits them, so their values are masked too. */
const KEY_VARIABLE = /^(?:ENVGUARD_KEY(?:_.*)?|SECRETS_MASTER_KEY)$/;

/**
 * `envguard run`: starts the command with the decrypted variables in its environment and its
 * output masked. Returns the child's outcome; the CLI exits with `exitCode`.
 */
export async function runWithVariables(ctx: OpsContext, request: RunRequest, plumbing: RunPlumbing = {}): Promise<ChildOutcome> {
  const env = childEnvironment(ctx.env, request.variables, request.override ?? false);
  const masker = request.mask === false ? undefined : runMasker(ctx.env, request);
  if (masker) ctx.log.debug(`masking ${masker.maskedNames.length} variable(s) in the output of ${request.command}`);
  else ctx.log.debug(`output of ${request.command} is not masked (--no-mask)`);
  const { spawn = spawnMasked, ...streams } = plumbing;
  return spawn({ command: request.command, args: request.args, cwd: ctx.cwd, env, masker, ...streams });
}

/**
 * The child's environment: ours plus the decrypted variables. A variable already set wins unless
 * `override`, as with dotenv, so a value set on the command line (`PORT=4000 envguard run …`) is kept.
 */
export function childEnvironment(base: NodeJS.ProcessEnv, variables: readonly RunVariable[], override: boolean): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  const decrypted = new Map(variables.map(({ name, value }) => [name, value]));
  for (const [name, value] of decrypted) {
    if (override || env[name] === undefined) env[name] = value;
  }
  return env;
}

/**
 * Every value to hide: each decrypted value, the value the child really gets under that name when
 * the environment won over it, and the envguard keys the child inherits.
 */
export function runMasker(base: NodeJS.ProcessEnv, request: Pick<RunRequest, 'variables' | 'sensitiveNames' | 'publicNames'>): Masker {
  const values: MaskableValue[] = request.variables.map(({ name, value }) => ({ name, value }));
  for (const { name, value } of request.variables) {
    const inherited = base[name];
    if (inherited !== undefined && inherited !== value) values.push({ name, value: inherited });
  }
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && KEY_VARIABLE.test(name)) values.push({ name, value, sensitive: true });
  }
  return createMasker(values, { sensitiveNames: request.sensitiveNames, publicNames: request.publicNames });
}
