import { entryValues } from '../core/dotenv/entry.js';
import { parseDotenv } from '../core/dotenv/parse.js';
import { removeEntry } from '../core/dotenv/remove-entry.js';
import { serializeDotenv } from '../core/dotenv/serialize.js';
import { setEntryValue } from '../core/dotenv/set-entry-value.js';
import { EnvguardError, failure } from '../errors.js';
import type { OpsContext } from './context.js';
import { ENV_OP_MESSAGES as M } from './env-messages.js';
import { currentEnvText, envTarget, writeEnvChange } from './env-change.js';

/** What `set`/`unset` did; never carries the value. */
export interface VariableChange {
  envName: string;
  envFile: string;
  encryptedFile: string;
  name: string;
  /** `added`, `changed`, `removed`, or `unchanged` (the value was already that: nothing written). */
  outcome: 'added' | 'changed' | 'removed' | 'unchanged';
}

/** `envguard set NAME VALUE`: one variable in `.env` and `.env.encrypted`, the result staged. */
export function setVariable(ctx: OpsContext, input: { envName?: string; name: string; value: string }): VariableChange {
  const target = envTarget(ctx, input.envName);
  const { text, key, previous } = currentEnvText(target);
  const doc = parseDotenv(text, target.envFile);
  const before = entryValues(doc).get(input.name);
  const next = setEntryValue(doc, input.name, input.value);
  const change = { envName: target.envName, envFile: target.envFile, encryptedFile: target.encryptedFile, name: input.name };
  if (next === doc) return { ...change, outcome: 'unchanged' };
  writeEnvChange(target, serializeDotenv(next), key, previous);
  return { ...change, outcome: before === undefined ? 'added' : 'changed' };
}

/** `envguard unset NAME`: removes every entry of that name, the result staged. */
export function unsetVariable(ctx: OpsContext, input: { envName?: string; name: string }): VariableChange {
  const target = envTarget(ctx, input.envName);
  const { text, key, previous } = currentEnvText(target);
  const { doc, removed } = removeEntry(parseDotenv(text, target.envFile), input.name);
  if (removed === 0) throw notSet(target.envFile, input.name, target.envName);
  writeEnvChange(target, serializeDotenv(doc), key, previous);
  return { envName: target.envName, envFile: target.envFile, encryptedFile: target.encryptedFile, name: input.name, outcome: 'removed' };
}

/** `envguard get NAME`: the raw value (last definition wins, as dotenv loads it). */
export function getVariable(ctx: OpsContext, input: { envName?: string; name: string }): string {
  const target = envTarget(ctx, input.envName);
  const value = entryValues(parseDotenv(currentEnvText(target).text, target.envFile)).get(input.name);
  if (value === undefined) throw notSet(target.envFile, input.name, target.envName);
  return value;
}

function notSet(envFile: string, name: string, envName: string): EnvguardError {
  const flag = envName === 'default' ? '' : ` --env ${envName}`;
  return failure('NOT_FOUND', M.noVariableToUnset(envFile, name, flag));
}
