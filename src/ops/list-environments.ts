import { listDirectory, pathExists } from '../io/read-file.js';
import path from 'node:path';
import { isEnvironmentFile } from '../core/env-file-kind.js';
import { encryptedPathFor, envFileFor, envNameOf, ledgerPathFor } from '../core/env-files.js';
import { findLedgerEnvironments } from '../io/ledger-file.js';
import { withCwd, type OpsContext } from './context.js';
import { environmentStatus } from './status.js';
import { describeAccess } from './access/list.js';

/** One environment as `envguard ls` shows it. */
export interface EnvironmentListing {
  name: string;
  /** Each file and whether it is there: `.env.staging`, `.env.staging.encrypted`, `.env.staging.ledger.json`. */
  files: { plaintext: FileState; encrypted: FileState; ledger: FileState };
  /** The ledger's current key id, when the ledger verifies. */
  keyId?: string;
  /**
   * Who can open it on this machine: `env var` (ENVGUARD_KEY… set), `key store`, `keyCommand`, or
   * `none` (this machine has no key, or not the current one). Per-person access files come later.
   */
  access: 'env var' | 'key store' | 'keyCommand' | 'none';
  /** A plaintext env file `init` never made an environment (no ledger, no encrypted file). */
  managed: boolean;
  /** Who can open it through access files, e.g. `alice, ci (ci)` (`describeAccess`); absent without a ledger. */
  members?: string;
}

export interface FileState {
  path: string;
  exists: boolean;
}

/** `envguard ls`: every environment at the repository top, plus plaintext env files not yet managed. */
export function listEnvironments(ctx: OpsContext): EnvironmentListing[] {
  const root = ctx.repo.root;
  const ledgers = findLedgerEnvironments(root);
  const names = listDirectory(root);
  const encryptedOnly = names
    .filter((name) => name.endsWith('.encrypted'))
    .map((name) => name.slice(0, -'.encrypted'.length))
    .filter((name) => isEnvironmentFile(name))
    .map(envNameOf);
  const unmanaged = names.filter((name) => isEnvironmentFile(name)).map(envNameOf);
  const all = [...new Set([...ledgers, ...encryptedOnly, ...unmanaged])];
  all.sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
  const here = withCwd(ctx, root);
  return all.map((name) => listing(here, root, name, ledgers.includes(name)));
}

function listing(ctx: OpsContext, root: string, name: string, hasLedger: boolean): EnvironmentListing {
  const envFile = envFileFor(name);
  const state = (file: string): FileState => ({ path: file, exists: pathExists(path.join(root, file)) });
  const files = { plaintext: state(envFile), encrypted: state(encryptedPathFor(envFile)), ledger: state(ledgerPathFor(envFile)) };
  const managed = files.encrypted.exists || files.ledger.exists;
  if (!hasLedger) return { name, files, access: 'none', managed };
  const status = environmentStatus(ctx, root, name);
  const access = !status.hasCurrentKey ? 'none' : status.keySource === 'key store' ? 'key store' : status.keySource === 'keyCommand' ? 'keyCommand' : 'env var';
  return { name, files, keyId: status.keyId, access, managed, members: describeAccess(ctx, name) };
}
