import path from 'node:path';
import { describeVariables, type VariableInfo, type VariableSource } from '../core/describe-variables.js';
import { parseDotenv } from '../core/dotenv/parse.js';
import { decryptEncryptedFile, decryptEntry, parseEncryptedFile, type EncryptedFile } from '../core/encrypted-file.js';
import { encryptedPathFor, envFileFor, envNameOf } from '../core/env-files.js';
import { shortKeyId, type FernetKey } from '../core/key.js';
import { failure } from '../errors.js';
import { findLedgerEnvironments } from '../io/ledger-file.js';
import { readTextIfExists } from '../io/read-file.js';
import type { OpsContext } from './context.js';
import { ENV_OP_MESSAGES as M } from './env-messages.js';

export interface ShowResult {
  envName: string;
  /** The encrypted file, relative to ctx.cwd. */
  file: string;
  keyId: string;
  variables: VariableInfo[];
}

/** `envguard show`: every variable of an environment, with secret values hidden and each value's age. */
export function showEnv(ctx: OpsContext, envName = 'default'): ShowResult {
  const { file, sources, key } = readSources(ctx, envName);
  const { sensitiveNames, publicNames } = ctx.config;
  const variables = describeVariables(sources, Math.floor(ctx.now().getTime() / 1000), { sensitiveNames, publicNames });
  return { envName, file, keyId: shortKeyId(key), variables };
}

/** `envguard show --reveal NAME`: one value, because the user asked for it by name. */
export function revealVariable(ctx: OpsContext, envName: string, name: string): string {
  const { file, sources } = readSources(ctx, envName);
  // As dotenv does, the last definition of a name is the one that counts.
  const found = sources.filter((source) => source.name === name).pop();
  if (!found) {
    throw failure('NOT_FOUND', M.noVariable(file, name, envName));
  }
  return found.value;
}

function readSources(ctx: OpsContext, envName: string): { file: string; sources: VariableSource[]; key: FernetKey } {
  const envPath = envFileFor(envName);
  const file = encryptedPathFor(envPath);
  const text = readTextIfExists(path.join(ctx.cwd, file));
  if (text === undefined) {
    const known = findLedgerEnvironments(ctx.cwd);
    throw failure('NOT_FOUND', M.showMissing(file, envName, known));
  }
  const parsed = parseEncryptedFile(text, file);
  const { key } = ctx.keys.require(envNameOf(envPath));
  // Checks the whole file first (key id, every token) so an error names the real problem.
  const plaintext = decryptEncryptedFile(parsed, key, file);
  return { file, key, sources: sourcesOf(parsed, plaintext, key, file) };
}

/** Each entry with the token it came from: its own line's token, or the single token of a whole-file encryption. */
function sourcesOf(parsed: EncryptedFile, plaintext: string, key: FernetKey, file: string): VariableSource[] {
  if (parsed.format === 'whole') {
    return parseDotenv(plaintext, file).nodes.flatMap((node) => (node.kind === 'entry' ? [{ name: node.name, value: node.value, token: parsed.token, line: node.line }] : []));
  }
  return parsed.lines.flatMap((line) => {
    if (line.kind !== 'entry') return [];
    const entry = parseDotenv(decryptEntry(line, key, file), file).nodes.find((node) => node.kind === 'entry');
    return entry && entry.kind === 'entry' ? [{ name: line.name, value: entry.value, token: line.token, line: line.line }] : [];
  });
}
