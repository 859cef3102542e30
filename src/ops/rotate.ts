import path from 'node:path';
import { failure } from '../errors.js';
import { fingerprint, shortKeyId, type FernetKey } from '../core/key.js';
import type { FileResult, RotationAccess } from '../core/ledger/index.js';
import { gitActor } from '../io/git-actor.js';
import { findLedgerEnvironments, ledgerFileName, ledgerPath, readLedgerJson, readVerifiedLedger } from '../io/ledger-file.js';
import { createJournal, journalPathIn, readJournal, type RotationJournal } from '../io/rotation-journal.js';
import { rotationLockFiles, withRotationLock } from '../io/rotation-lock.js';
import { crashInjector } from '../io/test-crash.js';
import type { OpsContext } from './context.js';
import { runForward, type PlaintextCache } from './rotation/forward.js';
import { PLAINTEXT_BUDGET, preflight, type RotationPlan } from './rotation/preflight.js';
import { rollBack } from './rotation/roll-back.js';
import { planRotationAccess, saveAccessBefore } from './rotation/rewrap.js';
import { journalKeys, newRotationKey, persistNewKey, readWorkFile, removeTree, saveJournal, writeCopy, type RotationRun } from './rotation/rotation-run.js';
import { makePrivateDir, pathExists } from '../io/read-file.js';
import { ROTATION_MESSAGES as M } from './rotation/rotation-messages.js';

export interface RotateOptions {
  /** One environment (default `default`); ignored with `all`. */
  environment?: string;
  /** Every environment that has a ledger at the repository top. */
  all?: boolean;
  reason?: string;
  /** Keep copies of the old files under the git dir (default true; `--no-backup` turns it off). */
  backup?: boolean;
  /** `start` a rotation (default), `resume` an interrupted one, or `rollback` it. */
  mode?: 'start' | 'resume' | 'rollback';
  /** Environment → member ids whose access ends with this rotation (`envguard access revoke`); these environments are rotated. */
  revoke?: Readonly<Record<string, readonly string[]>>;
}

export interface RotateResult {
  environment: string;
  status: 'completed' | 'failed' | 'rolled_back';
  /** False only for a rollback of a rotation killed before its new key was saved: nothing had changed, nothing to sign. */
  recorded: boolean;
  ledgerFile: string;
  oldKeyId: string;
  /** The new key's id (for `failed`/`rolled_back`: the key that was abandoned). */
  newKeyId: string;
  files: FileResult[];
  backupPaths: string[];
  /** Key sources on this machine that still hold the old key (a variable, keyCommand). */
  staleKeySources: string[];
  /** Members the new key was wrapped for and members revoked (only for a completed rotation of an environment with access files). */
  access?: RotationAccess;
}

/**
 * `envguard rotate`: a new key for each environment, every encrypted file re-encrypted and
 * verified, the old files backed up, a ledger entry signed by the old and the new key, all
 * staged. Crash-safe through a journal under the git dir (see rotation/). Returns one result per
 * environment; a `failed` result means verification failed and everything was put back.
 */
export function rotate(ctx: OpsContext, options: RotateOptions = {}): RotateResult[] {
  const root = ctx.repo.root;
  const environments = options.all ? findLedgerEnvironments(root) : [options.environment ?? 'default'];
  if (environments.length === 0) throw failure('NOT_FOUND', M.noLedgers());
  // One rotation per project at a time, across worktrees and clones: two at once share one
  // key-store slot, and could leave a file under a key that is saved nowhere.
  const projectId = ctx.keys.projectId(environments[0] ?? 'default');
  return withRotationLock(rotationLockFiles(ctx.env, root, projectId), () => rotateLocked(ctx, root, environments, options));
}

function rotateLocked(ctx: OpsContext, root: string, environments: readonly string[], options: RotateOptions): RotateResult[] {
  const runs = environments.map((environment) => openRun(ctx, root, environment));
  const mode = options.mode ?? 'start';
  if (mode === 'start') {
    // Every environment passes its checks (no interrupted rotation, ledger, key, every file
    // decrypts) before any of them changes: `--all` never stops half-way on a missing key.
    const budget = { characters: PLAINTEXT_BUDGET };
    const planned = runs.map(({ run, journal }) => {
      if (journal) throw failure('ROTATION_INTERRUPTED', M.alreadyInterrupted(run.environment, journal.startedAt, journal.phase));
      const plan = preflight(run, budget);
      return { run, plan, access: planRotationAccess(run, readVerifiedLedger(run.ledgerFile), options.revoke?.[run.environment] ?? []) };
    });
    return planned.map(({ run, plan, access }) => start(run, plan, options, access));
  }
  // With --all, resume or roll back whichever environments were interrupted.
  const interrupted = runs.filter(({ journal }) => journal !== undefined || !options.all);
  if (interrupted.length === 0) throw failure('NOT_FOUND', M.nothingInterrupted(mode));
  return interrupted.map(({ run, journal }) => {
    if (!journal) throw failure('NOT_FOUND', M.nothingInterrupted(mode, run.environment));
    return mode === 'resume' ? resume(run, journal) : rollBackResult(run, journal);
  });
}

function openRun(ctx: OpsContext, root: string, environment: string): { run: RotationRun; journal: RotationJournal | undefined } {
  const ledgerFile = ledgerPath(root, environment);
  if (!pathExists(ledgerFile)) throw failure('NOT_FOUND', M.noLedger(ledgerFileName(environment), environment));
  const { config } = ctx;
  const journalFile = journalPathIn(ctx.repo.gitDir, environment);
  // The project id is needed before the ledger can be trusted (a rollback may repair it), so read it plainly.
  const projectId = (readLedgerJson(ledgerFile) as { projectId?: unknown }).projectId;
  if (typeof projectId !== 'string') throw failure('LEDGER_INVALID', M.noProjectId(ledgerFileName(environment), environment));
  const run: RotationRun = {
    ctx,
    root,
    environment,
    projectId,
    ledgerFile,
    journalFile,
    rotationDays: config.rotationDays,
    crash: crashInjector(ctx.env),
  };
  return { run, journal: readJournal(journalFile) };
}

function start(run: RotationRun, { oldKey, stale, files, cache }: RotationPlan, options: RotateOptions, access: RotationAccess | undefined): RotateResult {
  const newKey = newRotationKey(run);
  const stamp = run.ctx.now().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const journal: RotationJournal = {
    version: 1,
    environment: run.environment,
    projectId: run.projectId,
    phase: 'started',
    startedAt: run.ctx.now().toISOString(),
    actor: gitActor(run.ctx.git),
    reason: options.reason ?? 'scheduled rotation',
    oldKeyFingerprint: fingerprint(oldKey),
    newKeyFingerprint: fingerprint(newKey),
    workDir: `rotation-${run.environment}`,
    backupDir: options.backup === false ? undefined : `backups/${run.environment}-${stamp}`,
    ledgerFile: ledgerFileName(run.environment),
    files: files.map((file) => ({ path: file, oldSha256: (cache.get(file) as { sha: string }).sha })),
    ...(access ? { access } : {}),
  };
  // Exclusive: a second rotation started at the same time stops here, before touching anything.
  createJournal(run.journalFile, journal);
  const workDir = path.join(path.dirname(run.journalFile), journal.workDir);
  removeTree(workDir);
  makePrivateDir(workDir);
  // The ledger as it was, so a rollback from any phase puts it back exactly (until this exists,
  // nothing has changed and a rollback reads the ledger itself).
  writeCopy(path.join(workDir, 'ledger.before.json'), readWorkFile(run.ledgerFile));
  if (access) saveAccessBefore(run, journal);
  run.crash('journal');
  persistNewKey(run, oldKey, newKey);
  return finish(run, journal, oldKey, newKey, cache, stale);
}

function resume(run: RotationRun, journal: RotationJournal): RotateResult {
  const keys = journalKeys(run, journal);
  let newKey = keys.newKey;
  if (journal.phase === 'started') {
    // Killed before the new key reached the store: no file has changed yet, so start over with a fresh key.
    if (!newKey) {
      newKey = newRotationKey(run);
      journal.newKeyFingerprint = fingerprint(newKey);
      saveJournal(run, journal);
    }
    persistNewKey(run, keys.oldKey, newKey);
  }
  if (!newKey) throw failure('KEY_MISSING', M.newKeyMissing(shortKeyId(journal.newKeyFingerprint), run.environment));
  return finish(run, journal, keys.oldKey, newKey, new Map(), []);
}

function finish(run: RotationRun, journal: RotationJournal, oldKey: FernetKey, newKey: FernetKey, cache: PlaintextCache, stale: string[]): RotateResult {
  const base = { environment: run.environment, ledgerFile: journal.ledgerFile, oldKeyId: shortKeyId(oldKey), newKeyId: shortKeyId(newKey) };
  const outcome = runForward(run, journal, oldKey, newKey, cache);
  if (outcome.status === 'completed') return { ...base, status: 'completed', recorded: true, files: outcome.files, backupPaths: outcome.backupPaths, staleKeySources: stale, ...(journal.access ? { access: journal.access } : {}) };
  rollBack(run, journal, { oldKey, newKey }, 'failed', outcome.files);
  return { ...base, status: 'failed', recorded: true, files: outcome.files, backupPaths: [], staleKeySources: [] };
}

function rollBackResult(run: RotationRun, journal: RotationJournal): RotateResult {
  const keys = journalKeys(run, journal);
  const { recorded } = rollBack(run, journal, keys, 'rolled_back');
  return {
    environment: run.environment,
    status: 'rolled_back',
    recorded,
    ledgerFile: journal.ledgerFile,
    oldKeyId: shortKeyId(journal.oldKeyFingerprint),
    newKeyId: shortKeyId(journal.newKeyFingerprint),
    files: journal.files.map((file) => ({ path: file.path, verified: false })),
    backupPaths: [],
    staleKeySources: [],
  };
}
