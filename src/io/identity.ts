import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EnvguardError, isEnvguardError } from '../errors.js';
import { formatIdentityFile, parseIdentities, x25519Identity, type AgeIdentity, type AgeRecipient } from '../core/age/index.js';
import { createFileExclusive } from './create-exclusive.js';
import { readIdentityFile } from './identity-file-io.js';
import { keyStoreHome } from './key-store.js';

/**
 * This machine's age identity (DESIGN.md, "Per-person access"), looked up in order:
 *   1. `ENVGUARD_IDENTITY`: the secret key itself (CI holds only this);
 *   2. `ENVGUARD_IDENTITY_FILE`: an age identity file or an unencrypted ssh-ed25519 private key;
 *   3. `$ENVGUARD_HOME/identity.txt` (age-keygen's format, 0600), created on first need.
 * With neither variable set, an unencrypted `~/.ssh/id_ed25519` also opens access files (a member
 * may be granted by the ssh key they already have), but it is never this machine's recipient:
 * envguard's own identity is. An identity is never printed, logged or put in a message.
 */
export interface IdentityContext {
  env: NodeJS.ProcessEnv;
  now: () => Date;
  random: (size: number) => Buffer;
  log: { warn(message: string): void };
  /** ssh keys tried as extra openers; default `~/.ssh/id_ed25519`. */
  sshKeyPaths?: string[];
}

export interface MachineIdentity {
  /** What a member grants: `age1…` or `ssh-ed25519 AAAA…`. Public. */
  recipient: AgeRecipient;
  /** Where it came from, for messages: a variable name or a path. */
  source: string;
  /** True when this call created `identity.txt`. */
  created: boolean;
}

export interface FoundIdentities {
  /** Everything that may open an access file, the primary one first. */
  identities: AgeIdentity[];
  sources: string[];
  /** One line each for a candidate that could not be used (e.g. a passphrase-protected ssh key). */
  skipped: string[];
}

/** `$ENVGUARD_HOME/identity.txt`. */
export function identityPath(env: NodeJS.ProcessEnv): string {
  return path.join(keyStoreHome(env), 'identity.txt');
}

function explicit(ctx: IdentityContext): { identities: AgeIdentity[]; source: string } | undefined {
  const inline = ctx.env.ENVGUARD_IDENTITY;
  if (inline !== undefined && inline.trim() !== '') return { identities: parseIdentities(inline, 'ENVGUARD_IDENTITY'), source: 'ENVGUARD_IDENTITY' };
  const file = ctx.env.ENVGUARD_IDENTITY_FILE;
  if (file !== undefined && file !== '') return { identities: readIdentityFile(path.resolve(file), (message) => ctx.log.warn(message)), source: path.resolve(file) };
  return undefined;
}

function defaultSshKeys(ctx: IdentityContext): string[] {
  return ctx.sshKeyPaths ?? [path.join(ctx.env.HOME || os.homedir(), '.ssh', 'id_ed25519')];
}

/**
 * The identities this machine can open access files with, creating nothing. Undefined when
 * there are none at all (the caller says how to get access: `envguard access id`).
 */
export function findIdentities(ctx: IdentityContext): FoundIdentities | undefined {
  const given = explicit(ctx);
  if (given) return { identities: given.identities, sources: given.identities.map(() => given.source), skipped: [] };
  const found: FoundIdentities = { identities: [], sources: [], skipped: [] };
  const own = identityPath(ctx.env);
  if (existsSync(own)) {
    for (const identity of readIdentityFile(own, (message) => ctx.log.warn(message))) {
      found.identities.push(identity);
      found.sources.push(own);
    }
  }
  for (const sshKey of defaultSshKeys(ctx)) {
    if (!existsSync(sshKey)) continue;
    try {
      for (const identity of readIdentityFile(sshKey, (message) => ctx.log.warn(message))) {
        found.identities.push(identity);
        found.sources.push(sshKey);
      }
    } catch (error) {
      // Someone else's key format is not an error here, only a reason it was not tried.
      if (!isEnvguardError(error)) throw error;
      found.skipped.push(`${error.message} (${error.hint ?? ''})`);
    }
  }
  return found.identities.length > 0 ? found : undefined;
}

/** This machine's recipient, creating `$ENVGUARD_HOME/identity.txt` when there is no identity yet. */
export function ensureIdentity(ctx: IdentityContext): MachineIdentity {
  const given = explicit(ctx);
  if (given) return { recipient: (given.identities[0] as AgeIdentity).recipient, source: given.source, created: false };
  const file = identityPath(ctx.env);
  if (existsSync(file)) return { recipient: (readIdentityFile(file, (message) => ctx.log.warn(message))[0] as AgeIdentity).recipient, source: file, created: false };
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new EnvguardError('IO_ERROR', `could not create ${path.dirname(file)}`, { hint: 'set ENVGUARD_HOME to a writable directory', cause: error });
  }
  const identity = x25519Identity(ctx.random(32));
  const created = createFileExclusive(file, formatIdentityFile(identity, ctx.now()), 0o600);
  // Another process may have won the race: its identity is the one on disk, so report that one.
  if (!created) return { recipient: (readIdentityFile(file, (message) => ctx.log.warn(message))[0] as AgeIdentity).recipient, source: file, created: false };
  return { recipient: identity.recipient, source: file, created: true };
}
