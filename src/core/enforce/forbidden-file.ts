import { isPlaintextEnvFile } from '../env-files.js';
import { secretFingerprint } from '../scan/allow-list.js';
import type { Finding } from '../scan/types.js';

/**
 * Files that must never be in a commit, judged by path alone (no key needed, content irrelevant):
 * plaintext env files and key or identity files. The server-side checks (pre-push, pre-receive,
 * `envguard ci`, `scan --history`) report them as findings of their own kind.
 */

export const PLAINTEXT_ENV_RULE_ID = 'plaintext-env-file';
export const KEY_FILE_RULE_ID = 'key-file';

/**
 * Key files by name: the ones other env tools write (dotenvx `.env.keys`, dotenv-vault
 * `.env.vault.key`), envguard-named key files, `*.fernet` keys, and unencrypted SSH identities.
 * (An age identity or a Fernet key under any other name is found by its content: rules/envguard-keys.ts.)
 */
const KEY_FILE = /(^|\/)(\.env\.keys|\.env\.vault\.key|envguard\.key|\.envguard[-.]key|[^/]*\.fernet(\.key)?|id_(rsa|dsa|ecdsa|ed25519)(_sk)?)$/;

export interface ForbiddenFile {
  ruleId: typeof PLAINTEXT_ENV_RULE_ID | typeof KEY_FILE_RULE_ID;
  description: string;
}

/** Why a path may not be committed, or undefined when it may. */
export function forbiddenFile(file: string): ForbiddenFile | undefined {
  if (KEY_FILE.test(file)) return { ruleId: KEY_FILE_RULE_ID, description: 'Key or identity file committed' };
  if (isPlaintextEnvFile(file)) return { ruleId: PLAINTEXT_ENV_RULE_ID, description: 'Plaintext env file committed (envguard commits its .encrypted twin instead)' };
  return undefined;
}

/** A finding for a forbidden path, at line 1; its fingerprint is keyed by the path (there is no one secret). */
export function forbiddenFileFinding(file: string, commit?: string): Finding | undefined {
  const reason = forbiddenFile(file);
  if (!reason) return undefined;
  return {
    file,
    line: 1,
    column: 1,
    ruleId: reason.ruleId,
    kind: 'forbidden-file',
    description: reason.description,
    preview: file.split('/').pop() ?? file,
    fingerprint: secretFingerprint(`path:${file}`),
    length: 1,
    ...(commit === undefined ? {} : { commit }),
  };
}
