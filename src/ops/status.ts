import { fingerprint, shortKeyId } from '../core/key.js';
import { envFlag } from '../core/env-files.js';
import { currentKeyEntry, daysUntilDue, genesisEntry, lastRotation, verifyLedger, type Actor, type Ledger } from '../core/ledger/index.js';
import { EnvguardError, failure } from '../errors.js';
import { findLedgerEnvironments, ledgerFileName, ledgerPath, readLedgerJson } from '../io/ledger-file.js';
import { journalPathIn, readJournal, type RotationPhase } from '../io/rotation-journal.js';
import { withCwd, type OpsContext } from './context.js';
import { LEDGER_MESSAGES } from './ledger-messages.js';
import { hookHealth, type HookHealth } from './init/hook-health.js';
import { checkKnownLedger } from './support/known-ledger.js';
import { trackedPlaintextEnvFiles, unmanagedEnvFiles, type EnvFileNotice } from './unmanaged-env-files.js';
import { ledgerProblem, type Problem } from '../problem.js';

export interface InterruptedRotation {
  phase: RotationPhase;
  startedAt: string;
  actor: Actor;
  newKeyId: string;
  /** The commands that finish or undo it. */
  hint: string;
}

export interface EnvironmentStatus {
  environment: string;
  ledgerFile: string;
  ledgerValid: boolean;
  /** One per problem when the ledger does not verify (`envguard verify` has the detail). */
  problems: Problem[];
  /** Short id (16 hex digits) of the ledger's current key. */
  keyId?: string;
  keyFingerprint?: string;
  /** When and by whom the environment was created (genesis). */
  created?: { time: string; actor: Actor };
  lastRotation?: { time: string; actor: Actor; reason: string; keyId: string };
  nextRotationDue?: string;
  /** Whole days left until due; negative when overdue. */
  daysLeft?: number;
  overdue?: boolean;
  /** This machine resolves the ledger's current key (variables, key store, keyCommand). */
  hasCurrentKey: boolean;
  /** Where this machine's key comes from: a variable name, `key store` or `keyCommand`. */
  keySource?: string;
  /** Id of the key this machine resolves when it is not the current one (someone rotated), or why none resolved. */
  localKey?: { keyId?: string; problem?: string };
  interruptedRotation?: InterruptedRotation;
}

export interface StatusResult {
  environments: EnvironmentStatus[];
  /** Whether git runs envguard's hooks here at all. */
  hooks: HookHealth;
  /** Environment files `init` never set up (never encrypted), with the fix. */
  unmanaged: EnvFileNotice[];
  /** Plaintext env files git tracks, with the fix; listed until they are removed from the index. */
  trackedPlaintext: EnvFileNotice[];
}

/**
 * `envguard status`: per environment, the current key, its history and due date, whether the
 * ledger verifies and whether a rotation was interrupted. Reads no secret.
 */
export function projectStatus(ctx: OpsContext): StatusResult {
  const root = ctx.repo.root;
  const environments = findLedgerEnvironments(root);
  if (environments.length === 0) {
    throw failure('NOT_FOUND', LEDGER_MESSAGES.noLedger());
  }
  const top = withCwd(ctx, root).git;
  return {
    environments: environments.map((environment) => environmentStatus(ctx, root, environment)),
    hooks: hookHealth(top, root),
    unmanaged: unmanagedEnvFiles(root),
    trackedPlaintext: trackedPlaintextEnvFiles(top),
  };
}

/** The status of one environment whose ledger exists at the repository top. */
export function environmentStatus(ctx: OpsContext, root: string, environment: string): EnvironmentStatus {
  const ledgerFile = ledgerFileName(environment);
  const status: EnvironmentStatus = { environment, ledgerFile, ledgerValid: false, problems: [], hasCurrentKey: false };
  const journal = readJournal(journalPathIn(ctx.repo.gitDir, environment));
  if (journal) {
    const flag = envFlag(environment);
    status.interruptedRotation = {
      phase: journal.phase,
      startedAt: journal.startedAt,
      actor: journal.actor,
      newKeyId: shortKeyId(journal.newKeyFingerprint),
      hint: LEDGER_MESSAGES.interruptedRotation(flag),
    };
  }
  let value: unknown;
  try {
    value = readLedgerJson(ledgerPath(root, environment));
  } catch (error) {
    if (!(error instanceof EnvguardError)) throw error;
    status.problems.push({ code: error.code, file: ledgerFile, message: error.message, hint: error.hint ?? LEDGER_MESSAGES.restoreLedger(ledgerFile) });
    return status;
  }
  const report = verifyLedger(value, { file: ledgerFile });
  // A chain that verifies but is not the one this machine has seen (replaced, cut short) is not valid.
  const known = report.valid ? checkKnownLedger(ctx, value as Ledger, ledgerFile) : undefined;
  if (known) report.problems.push(known);
  status.ledgerValid = report.valid && !known;
  status.problems = report.problems.map((problem) => ledgerProblem(ledgerFile, problem));
  // A chain that does not verify is still worth describing when its shape is sound: the
  // reader sees what the (untrusted) file claims, flagged as invalid.
  if (report.problems.some((problem) => problem.code === 'schema' || (problem.code === 'genesis' && problem.entry === 0))) return status;
  const ledger = value as Ledger;
  const current = currentKeyEntry(ledger);
  const genesis = genesisEntry(ledger);
  const rotation = lastRotation(ledger);
  const daysLeft = daysUntilDue(ledger, ctx.now());
  Object.assign(status, {
    keyId: shortKeyId(current.newKeyFingerprint),
    keyFingerprint: current.newKeyFingerprint,
    created: { time: genesis.time, actor: genesis.actor },
    lastRotation: rotation ? { time: rotation.time, actor: rotation.actor, reason: rotation.reason, keyId: shortKeyId(rotation.newKeyFingerprint) } : undefined,
    nextRotationDue: current.nextRotationDue,
    daysLeft,
    overdue: daysLeft < 0,
  });
  Object.assign(status, localKeyStatus(ctx, root, ledger, current.newKeyFingerprint));
  return status;
}

/** Whether this machine resolves the current key; a keyCommand that fails is reported, not thrown. */
function localKeyStatus(ctx: OpsContext, root: string, ledger: Ledger, wanted: string): Pick<EnvironmentStatus, 'hasCurrentKey' | 'keySource' | 'localKey'> {
  try {
    const resolved = ctx.keys.current(ledger.environment);
    if (!resolved) return { hasCurrentKey: false, localKey: { problem: LEDGER_MESSAGES.noKeyHere } };
    if (fingerprint(resolved.key) === wanted) return { hasCurrentKey: true, keySource: resolved.source };
    return { hasCurrentKey: false, keySource: resolved.source, localKey: { keyId: shortKeyId(resolved.key) } };
  } catch (error) {
    if (!(error instanceof EnvguardError)) throw error;
    return { hasCurrentKey: false, localKey: { problem: error.message } };
  }
}
