import { randomBytes } from 'node:crypto';
import { openAccessFile } from '../../core/access/index.js';
import { currentKeyEntry } from '../../core/ledger/index.js';
import { findIdentities } from '../../io/identity.js';
import { saveKey, type ResolvedKey } from '../../io/key-store.js';
import { ledgerPath, readVerifiedLedger } from '../../io/ledger-file.js';
import { pathExists } from '../../io/read-file.js';
import { hasAccessDir, parsedGrants, readEnvGrants } from './env-grants.js';

export interface AccessKeyLookup {
  /** Repository top: where the ledger and `.envguard/access` are. */
  root: string;
  envName: string;
  env: NodeJS.ProcessEnv;
  warn?: (message: string) => void;
}

/**
 * The key-lookup step after the key store (DESIGN.md, "Per-person access"): the environment's
 * key from an access file this machine's identity opens, but only when its grant is signed by
 * the ledger's current key for the current fingerprint (openAccessFile refuses anything else,
 * never uses it: whoever can push could otherwise plant a key). The key is then cached in the
 * key store. Undefined when there are no access files, no identity, or none is for this machine.
 *
 * Costs one `existsSync` when the environment has no access directory: no age code runs then.
 */
export function keyFromAccessFiles(lookup: AccessKeyLookup): ResolvedKey | undefined {
  if (!hasAccessDir(lookup.root, lookup.envName)) return undefined;
  const ledgerFile = ledgerPath(lookup.root, lookup.envName);
  if (!pathExists(ledgerFile)) return undefined;
  const found = findIdentities({ env: lookup.env, now: () => new Date(), random: randomBytes, log: { warn: lookup.warn ?? (() => {}) } });
  if (!found) return undefined;
  const mine = new Set(found.identities.map((identity) => identity.recipient.text));
  const grants = readEnvGrants(lookup.root, lookup.envName);
  const ours = [...parsedGrants(grants)].filter(([, grant]) => mine.has(grant.recipient));
  if (ours.length === 0) return undefined;
  const ledger = readVerifiedLedger(ledgerFile);
  const current = currentKeyEntry(ledger);
  for (const [memberId] of ours) {
    const files = grants.members.find((member) => member.memberId === memberId);
    if (!files?.grantText || !files.ageFile) continue;
    const key = openAccessFile({
      envName: lookup.envName,
      memberId,
      grantText: files.grantText,
      ageFile: files.ageFile,
      identities: found.identities,
      ledgerPublicKey: current.newPublicKey,
      currentFingerprint: current.newKeyFingerprint,
    });
    if (!key) continue;
    saveKey(lookup.env, ledger.projectId, lookup.envName, key);
    return { key, source: files.paths.age };
  }
  return undefined;
}
