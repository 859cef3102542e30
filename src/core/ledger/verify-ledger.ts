import type { Problem } from '../../problem.js';
import { entryHash, sameText, signingBytes } from './entry-hash.js';
import { schemaProblems } from './schema.js';
import { verifySignature } from './signing-key.js';
import type { EntrySignature, Ledger, LedgerEntry, SignatureRole } from './types.js';

export type LedgerProblemCode =
  /** The file does not match the JSON Schema. */
  | 'schema'
  /** The first entry is not a genesis entry, or a later one is. */
  | 'genesis'
  /** The top-level projectId/environment differ from genesis. */
  | 'header'
  /** A sequence number is missing, repeated or out of order. */
  | 'seq'
  /** The entry's prevHash is not the hash of the entry before it. */
  | 'prev-hash'
  /** A signature is missing, duplicated or does not verify. */
  | 'signature'
  /** A rotation not signed by the key that was current before it. */
  | 'unauthorised'
  /** Two entries follow the same entry: two branches each rotated and were merged. */
  | 'fork'
  /** Not a continuation of an anchor: an older revision's ledger, or what this machine saw before. */
  | 'anchor';

/** A ledger finding: a Problem in the ledger file, with the ledger's finer code and where in the file it is. */
export interface LedgerProblem extends Problem<LedgerProblemCode> {
  /** Index in `entries` (which is also the seq it should have), or null for the file as a whole. */
  entry: number | null;
  /** JSON Pointer to what failed, e.g. `/entries/3/signatures/0`. */
  path: string;
}

export interface LedgerReport {
  valid: boolean;
  /** Number of entries read. */
  entries: number;
  problems: LedgerProblem[];
  /** Present when the chain verified: what a key must match and what the next entry must follow. */
  currentKeyFingerprint?: string;
  headHash?: string;
}

export interface VerifyOptions {
  /** The ledger's file name, used in hints. */
  file?: string;
}

/**
 * Verifies a ledger from genesis with no secret at all (DESIGN.md: CI on a fork can run it):
 * schema, header, sequence, hash chain, every signature, and that every rotation was signed by
 * the key that was current before it. Collects every problem instead of stopping at the first,
 * so a report names each edited, reordered, removed or forged entry.
 */
export function verifyLedger(value: unknown, options: VerifyOptions = {}): LedgerReport {
  const file = options.file ?? '.env.ledger.json';
  const restore = `compare with history (\`git log -p -- ${file}\`) and restore the last good version (\`git checkout <commit> -- ${file}\`)`;
  const fromSchema = schemaProblems(value);
  if (fromSchema.length > 0) {
    const count = Array.isArray((value as { entries?: unknown } | null)?.entries) ? ((value as { entries: unknown[] }).entries.length) : 0;
    return {
      valid: false,
      entries: count,
      problems: fromSchema.map((problem) => ({ code: 'schema', file, entry: entryIndexOf(problem.path), path: problem.path, message: `${problem.path || '(file)'} ${problem.message}`, hint: restore })),
    };
  }
  const ledger = value as Ledger;
  const problems: LedgerProblem[] = [];
  const add = (code: LedgerProblemCode, entry: number | null, path: string, message: string, hint = restore) => problems.push({ code, file, entry, path, message, hint });

  const genesis = ledger.entries[0] as LedgerEntry;
  if (genesis.type !== 'genesis') {
    add('genesis', 0, '/entries/0/type', 'entry 0 is not the genesis entry; a ledger starts with the genesis entry written by `envguard init`');
    return { valid: false, entries: ledger.entries.length, problems };
  }
  if (!sameText(ledger.projectId, genesis.projectId)) add('header', null, '/projectId', 'the file projectId differs from the genesis entry projectId');
  if (!sameText(ledger.environment, genesis.environment)) add('header', null, '/environment', 'the file environment differs from the genesis entry environment');

  let current = { fingerprint: genesis.newKeyFingerprint, publicKey: genesis.newPublicKey, index: 0 };
  const parentOf = new Map<string, number>();
  for (let index = 0; index < ledger.entries.length; index++) {
    const entry = ledger.entries[index] as LedgerEntry;
    const at = `/entries/${index}`;
    if (index > 0 && entry.type === 'genesis') {
      add('genesis', index, `${at}/type`, `entry ${index} is a second genesis entry; only entry 0 may be genesis`);
      continue;
    }
    if (entry.type === 'rotation') {
      const sibling = parentOf.get(entry.prevHash);
      if (sibling !== undefined) {
        add('fork', index, `${at}/prevHash`,
          `entries ${sibling} and ${index} both follow entry ${sibling - 1}: two branches each recorded a key change and were merged (a fork)`,
          `keep one branch's key: take that branch's ledger and encrypted files (\`git checkout --ours -- ${file}\` or \`--theirs\`, likewise the .env*.encrypted files), commit, then rotate again on top of it if needed (\`envguard rotate --force\`)`);
        continue;
      }
      parentOf.set(entry.prevHash, index);
    }
    if (entry.seq !== index) {
      add('seq', index, `${at}/seq`, `entry ${index} has seq ${entry.seq}: entries were removed, reordered or duplicated (expected seq ${index})`);
    }
    if (index > 0) {
      const previous = ledger.entries[index - 1] as LedgerEntry;
      if (entry.prevHash === null || !sameText(entry.prevHash, entryHash(previous))) {
        add('prev-hash', index, `${at}/prevHash`, `entry ${index} prevHash is not the hash of entry ${index - 1}: an earlier entry was edited, removed or reordered`);
      }
    }
    const bytes = signingBytes(entry);
    const checkRole = (role: SignatureRole, expectedKey: string, expectedField: string) => {
      const matching = entry.signatures.map((signature, position) => ({ signature, position })).filter(({ signature }) => signature.role === role);
      if (matching.length !== 1) {
        add('signature', index, `${at}/signatures`, `entry ${index} needs exactly one "${role}" signature (found ${matching.length})`);
        return undefined;
      }
      const { signature, position } = matching[0] as { signature: EntrySignature; position: number };
      if (!sameText(signature.publicKey, expectedKey)) {
        add('signature', index, `${at}/signatures/${position}/publicKey`, `entry ${index} "${role}" signature is by a key other than ${expectedField}`);
        return undefined;
      }
      if (!verifySignature(signature.publicKey, bytes, signature.signature)) {
        add('signature', index, `${at}/signatures/${position}/signature`, `entry ${index} "${role}" signature does not verify: the entry was changed after it was signed, or the signature was forged`);
        return false;
      }
      return true;
    };
    if (entry.type === 'genesis') checkRole('new', entry.newPublicKey, 'newPublicKey');
    else {
      // Authorisation: the old key must be the one in force, so a stranger who merely generates
      // a key pair cannot append a rotation to a ledger that is not theirs.
      let authorised = true;
      if (!sameText(entry.oldKeyFingerprint, current.fingerprint)) {
        add('unauthorised', index, `${at}/oldKeyFingerprint`, `entry ${index} rotates from a key that was not current (the key in force came from entry ${current.index})`);
        authorised = false;
      }
      if (!sameText(entry.oldPublicKey, current.publicKey)) {
        add('unauthorised', index, `${at}/oldPublicKey`, `entry ${index} is not signed by the key in force (from entry ${current.index}): the rotation was not authorised by the previous key`);
        authorised = false;
      }
      if (checkRole('old', entry.oldPublicKey, 'oldPublicKey') !== true) authorised = false;
      checkRole('new', entry.newPublicKey, 'newPublicKey');
      if (authorised && entry.status === 'completed') current = { fingerprint: entry.newKeyFingerprint, publicKey: entry.newPublicKey, index };
    }
  }
  if (problems.length > 0) return { valid: false, entries: ledger.entries.length, problems };
  const head = ledger.entries[ledger.entries.length - 1] as LedgerEntry;
  return { valid: true, entries: ledger.entries.length, problems, currentKeyFingerprint: current.fingerprint, headHash: entryHash(head) };
}

function entryIndexOf(pointer: string): number | null {
  const match = /^\/entries\/(\d+)(?:\/|$)/.exec(pointer);
  return match ? Number(match[1]) : null;
}
