import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createGenesis } from '../../core/ledger/index.js';
import { currentKeyFingerprint } from '../../core/ledger/queries.js';
import type { Ledger } from '../../core/ledger/types.js';
import { checkEnvName, encryptedPathFor, envFileFor, envNameOf, isEncryptedEnvFile, isPlaintextEnvFile, plaintextPathFor } from '../../core/env-files.js';
import { generateKey, shortKeyId } from '../../core/key.js';
import { isEnvguardError, failure } from '../../errors.js';
import { isEnvironmentFile } from '../../core/env-file-kind.js';
import { gitActor } from '../../io/git-actor.js';
import { ledgerPath, readVerifiedLedger, writeLedger } from '../../io/ledger-file.js';
import { readProjectId } from '../../io/project.js';
import { readTextIfExists, listDirectory, pathExists } from '../../io/read-file.js';
import { stateDirIn, writeSyncState } from '../../io/sync-state.js';
import { withCwd, type OpsContext } from '../context.js';
import { decryptEnvFile } from '../decrypt.js';
import { encryptEnvFile } from '../encrypt.js';
import { GITATTRIBUTES_LINES, GITIGNORE_LINES, ensureManagedBlock } from './ignore-rules.js';
import { ensureConfigFile } from './config-file.js';
import { installDrivers } from './drivers.js';
import { assertOwnHooksDir, installHooks, usesHusky, type HookInstall } from './install-hooks.js';
import { grantFirstMember } from '../access/grant-self.js';
import { accessRequest } from '../access/request.js';
import { INIT_OP_MESSAGES } from './init-messages.js';

export interface InitOptions {
  /** Environments to set up; default: every `.env*` found, else `default`. */
  envs?: readonly string[];
  /** Force husky (true) or plain git hooks (false); default: detect. */
  husky?: boolean;
  /** False: install no hooks (another hook manager calls `envguard hook`); drivers are still set up. */
  hooks?: boolean;
  /** Install into a `core.hooksPath` outside the repository (refused without it). */
  hooksPath?: boolean;
}

export interface InitEnvironment {
  envName: string;
  keyId: string;
  /** Where the key came from: `created` (new, in the key store), `missing` (joining without it yet) or an existing source. */
  key: 'created' | 'missing' | string;
  ledger: 'created' | 'existing';
  /** What happened to the files: encrypted, decrypted, unchanged, or nothing to do yet. */
  files: 'encrypted' | 'decrypted' | 'unchanged' | 'no .env yet' | 'differs' | 'no key yet';
  /** The member id init granted this machine's identity (the environment had no members yet). */
  grantedMember?: string;
}

export interface InitResult {
  root: string;
  projectId: string;
  environments: InitEnvironment[];
  hooks: HookInstall;
  gitignoreChanged: boolean;
  gitattributesChanged: boolean;
  /** `.envguard.json` was created (with its `$schema` line only). */
  configCreated: boolean;
  /** Plaintext env files git already tracks (their history holds secrets). */
  trackedPlaintext: string[];
  /** Joining without a key: this machine's recipient and the line a teammate runs to grant it. */
  accessRequest?: { recipient: string; command: string };
}

/**
 * `envguard init`: keys, ledger genesis, ignore rules, hooks, diff/merge drivers, and the first
 * encryption. Idempotent: running it again changes nothing. In a clone of a project that already
 * has ledgers it joins the project (same project id) instead of starting a new one.
 */
export function init(ctx: OpsContext, options: InitOptions = {}): InitResult {
  const root = ctx.repo.root;
  const rootCtx = withCwd(ctx, root);
  const { config } = ctx;
  const envNames = chooseEnvironments(root, options.envs);
  const projectId = envNames.map((env) => readProjectId(root, envFileFor(env))).find((id) => id !== undefined) ?? randomUUID();

  const hookMode = options.hooks === false ? 'none' : (options.husky ?? usesHusky(root)) ? 'husky' : 'git';
  // Checked before anything is written: a refused init leaves the project as it was.
  if (hookMode === 'git' && !options.hooksPath) assertOwnHooksDir(rootCtx.git, root);
  const gitignoreChanged = ensureManagedBlock(root, '.gitignore', GITIGNORE_LINES, true);
  const gitattributesChanged = ensureManagedBlock(root, '.gitattributes', GITATTRIBUTES_LINES, false);
  const configCreated = ensureConfigFile(root);
  installDrivers(ctx);
  const hooks = installHooks(rootCtx.git, root, hookMode);

  const environments = envNames.map((envName) => initEnvironment(rootCtx, envName, projectId, config.rotationDays));
  const tracked = rootCtx.git.linesZ(['ls-files', '-z']).filter((file) => isPlaintextEnvFile(file));
  const missing = environments.find((env) => env.key === 'missing');
  const request = missing ? accessRequest(rootCtx, { environment: missing.envName }) : undefined;
  return { root, projectId, environments, hooks, gitignoreChanged, gitattributesChanged, configCreated, trackedPlaintext: tracked, ...(request ? { accessRequest: { recipient: request.recipient, command: request.command } } : {}) };
}

function chooseEnvironments(root: string, requested: readonly string[] | undefined): string[] {
  if (requested && requested.length > 0) {
    for (const envName of requested) {
      checkEnvName(envName);
      if (!isEnvironmentFile(envFileFor(envName))) {
        throw failure('USAGE', INIT_OP_MESSAGES.notAnEnvironment(envFileFor(envName)));
      }
    }
    return [...new Set(requested)];
  }
  const found = listDirectory(root)
    .filter((name) => isPlaintextEnvFile(name) || isEncryptedEnvFile(name))
    .map((name) => (isEncryptedEnvFile(name) ? plaintextPathFor(name) : name))
    // `.env.local` and backups stay on the machine: never environments (core/env-file-kind.ts).
    .filter((name) => isEnvironmentFile(name))
    .map((name) => envNameOf(name));
  const names = [...new Set(found)].sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
  return names.length > 0 ? names : ['default'];
}

function initEnvironment(ctx: OpsContext, envName: string, projectId: string, rotationDays: number): InitEnvironment {
  const envFile = envFileFor(envName);
  const ledgerFile = ledgerPath(ctx.cwd, envName);
  const hadLedger = pathExists(ledgerFile);
  const found = ctx.keys.current(envName);
  if (!found && hadLedger) {
    // Joining a project before the key arrived: everything else is set up, and `envguard key
    // import` finishes the job (it decrypts .env), so this is not a failure.
    return { envName, keyId: ledgerKeyId(ledgerFile), key: 'missing', ledger: 'existing', files: 'no key yet' };
  }
  const key = found?.key ?? generateKey(ctx.random);
  if (!found) ctx.keys.save(envName, key, projectId);
  if (!hadLedger) {
    writeLedger(ledgerFile, createGenesis({ key, projectId, environment: envName, actor: gitActor(ctx.git), now: ctx.now(), rotationDays }));
  }
  const grantedMember = grantFirstMember(ctx, ctx.cwd, envName, key, readVerifiedLedger(ledgerFile));
  return { envName, keyId: shortKeyId(key), key: found ? found.source : 'created', ledger: hadLedger ? 'existing' : 'created', files: syncFiles(ctx, envFile, key), ...(grantedMember ? { grantedMember } : {}) };
}

/** The short id of the key the ledger says is current (no key needed to read it). */
function ledgerKeyId(ledgerFile: string): string {
  try {
    return shortKeyId(currentKeyFingerprint(JSON.parse(readTextIfExists(ledgerFile) ?? '') as Ledger));
  } catch {
    return 'unknown';
  }
}

/** First encryption in a new project; first decryption when joining one. Never overwrites either side's edits. */
function syncFiles(ctx: OpsContext, envFile: string, key: ReturnType<typeof generateKey>): InitEnvironment['files'] {
  const envPath = path.join(ctx.cwd, envFile);
  const encryptedPath = path.join(ctx.cwd, encryptedPathFor(envFile));
  const hasPlain = pathExists(envPath);
  const hasEncrypted = pathExists(encryptedPath);
  const state = stateDirIn(ctx.repo.gitDir);
  if (!hasPlain && !hasEncrypted) return 'no .env yet';
  if (hasPlain && !hasEncrypted) {
    encryptEnvFile(ctx, { envPath, key });
    writeSyncState(state, envFile, readTextIfExists(envPath) ?? '', readTextIfExists(encryptedPath) ?? '');
    return 'encrypted';
  }
  try {
    const result = decryptEnvFile(ctx, { encryptedPath, envPath, key });
    writeSyncState(state, envFile, readTextIfExists(envPath) ?? '', readTextIfExists(encryptedPath) ?? '');
    return result.outcome === 'written' ? 'decrypted' : 'unchanged';
  } catch (error) {
    if (isEnvguardError(error, 'LOCAL_CHANGES')) return 'differs';
    throw error;
  }
}
