/**
 * The signed, hash-chained key-lifecycle ledger (DESIGN.md, Ledger). Pure: no file access, the
 * clock comes in as `now`, and verification needs no secret.
 */
export { anchorOf, checkAgainstAnchor, ledgerExtends, type LedgerAnchor } from './anchor.js';
export { canonicalJson } from './canonical-json.js';
export { appendEntry, appendRotation, buildRotationEntry, createGenesis, dueAfter, DEFAULT_ROTATION_DAYS, type GenesisInput, type RotationInput } from './create.js';
export { entryHash, sameText, signingBytes, unsignedEntry } from './entry-hash.js';
export {
  currentKeyEntry,
  currentKeyFingerprint,
  currentPublicKey,
  daysUntilDue,
  entryForKey,
  genesisEntry,
  lastRotation,
  lastRotationAttempt,
  nextRotationDue,
} from './queries.js';
export { mergeLedgers, type LedgerMerge } from './merge.js';
export { parseLedgerJson } from './ledger-json.js';
export { schemaProblems, type SchemaProblem } from './schema.js';
export { ledgerPublicKey, ledgerSigner, verifySignature, type LedgerSigner } from './signing-key.js';
export * from './types.js';
export { verifyLedger, type LedgerProblem, type LedgerProblemCode, type LedgerReport, type VerifyOptions } from './verify-ledger.js';
