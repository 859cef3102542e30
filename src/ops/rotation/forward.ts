import path from 'node:path';
import { failure, type EnvguardError } from '../../errors.js';
import { appendEntry, buildRotationEntry, entryHash, sameText, type FileResult, type Ledger } from '../../core/ledger/index.js';
import { decryptForRotation, decryptsTo, encryptForRotation, type DecryptedForRotation } from '../../core/reencrypt-file.js';
import type { FernetKey } from '../../core/key.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { makePrivateDir } from '../../io/read-file.js';
import { readVerifiedLedger, writeLedger } from '../../io/ledger-file.js';
import { removeJournal, type RotationJournal } from '../../io/rotation-journal.js';
import { sha256 } from '../../core/sha256.js';
import { rewrapAccess, stageAccess } from './rewrap.js';
import { ROTATION_MESSAGES as M } from './rotation-messages.js';
import { backupDirOf, pooledRandom, readFileText, readWorkFile, removeTree, repoRelative, saveJournal, stage, workDirOf, writeFileText, type RotationRun } from './rotation-run.js';

/** Plaintexts already decrypted by the pre-flight check, by path and file hash (kept in memory only). */
export type PlaintextCache = Map<string, { sha: string; decrypted: DecryptedForRotation }>;

export type ForwardOutcome = { status: 'completed'; files: FileResult[]; backupPaths: string[] } | { status: 'verify-failed'; files: FileResult[] };

/**
 * Carries a rotation forward from whatever phase its journal records to the end: prepare (new
 * texts to the work dir, each verified; old texts saved and backed up), replace, record the
 * signed entry, stage, clean up. Every step checks what is already done, so running it again
 * after a crash at any instant finishes the same rotation.
 */
export function runForward(run: RotationRun, journal: RotationJournal, oldKey: FernetKey, newKey: FernetKey, cache: PlaintextCache = new Map()): ForwardOutcome {
  if (journal.phase === 'started') {
    const files = prepare(run, journal, oldKey, newKey, cache);
    if (files.some((file) => !file.verified)) return { status: 'verify-failed', files };
    journal.phase = 'prepared';
    saveJournal(run, journal);
  }
  if (journal.phase === 'prepared' || journal.phase === 'replacing') {
    if (journal.phase === 'prepared') {
      assertUntouched(run, journal);
      journal.phase = 'replacing';
      saveJournal(run, journal);
    }
    replace(run, journal);
    rewrapAccess(run, journal, newKey);
    journal.entry = buildRotationEntry(readVerifiedLedger(run.ledgerFile), {
      oldKey,
      newKey,
      status: 'completed',
      actor: journal.actor,
      reason: journal.reason,
      now: run.ctx.now(),
      files: journal.files.map((file) => ({ path: file.path, verified: true })),
      backupPaths: backupPaths(run, journal),
      rotationDays: run.rotationDays,
      access: journal.access,
    });
    journal.phase = 'replaced';
    saveJournal(run, journal);
  }
  if (journal.phase === 'replaced') {
    record(run, journal);
    journal.phase = 'recorded';
    saveJournal(run, journal);
  }
  stage(run, [...journal.files.map((file) => file.path), journal.ledgerFile]);
  stageAccess(run, journal);
  removeJournal(run.journalFile);
  run.crash('cleanup');
  removeTree(workDirOf(run, journal));
  return { status: 'completed', files: journal.files.map((file) => ({ path: file.path, verified: true })), backupPaths: backupPaths(run, journal) };
}

/**
 * Re-encrypts each file in memory and verifies it, then saves its old and new texts to the work
 * dir (one durable file each) and the old file to the backup, one file at a time (memory holds
 * one file, not all of them). Touches no working-tree file.
 */
function prepare(run: RotationRun, journal: RotationJournal, oldKey: FernetKey, newKey: FernetKey, cache: PlaintextCache): FileResult[] {
  const now = Math.floor(run.ctx.now().getTime() / 1000);
  const random = pooledRandom(run.ctx.random);
  const results: FileResult[] = journal.files.map((file) => ({ path: file.path, verified: false }));
  const backupDir = backupDirOf(run, journal);
  for (const [index, file] of journal.files.entries()) {
    const text = readWorkFile(path.join(run.root, file.path));
    const sha = sha256(text);
    const cached = cache.get(file.path);
    // Done with it either way: what the pre-flight check kept is freed file by file.
    cache.delete(file.path);
    const decrypted = cached?.sha === sha ? cached.decrypted : decryptForRotation(text, file.path, oldKey);
    let output = encryptForRotation(decrypted, file.path, newKey, { now, random });
    if (run.crash.corrupt('verify')) output = output.replace(/=fernet:gAAAAA/, '=fernet:gAAAAB');
    // The verification the ledger records: the new file decrypts with the new key to exactly the old plaintext.
    if (!decryptsTo(output, file.path, newKey, decrypted.plaintext)) return results;
    (results[index] as FileResult).verified = true;
    file.oldSha256 = sha;
    file.newSha256 = sha256(output);
    // The durable copies a resume and a rollback use; the backup is for people to browse.
    writeFileText(run, journal, 'old', index, text);
    writeFileText(run, journal, 'new', index, output);
    if (backupDir) writeBackup(path.join(backupDir, file.path), text);
    run.crash('prepare');
  }
  return results;
}

/** Replaces each working-tree file with its verified new version, one atomic rename each. */
function replace(run: RotationRun, journal: RotationJournal): void {
  for (const [index, file] of journal.files.entries()) {
    const target = path.join(run.root, file.path);
    const current = sha256(readWorkFile(target));
    if (current === file.newSha256) continue;
    if (current !== file.oldSha256) throw changedUnderneath(run, file.path);
    const replacement = readFileText(run, journal, 'new', index);
    if (replacement === undefined || sha256(replacement) !== file.newSha256) throw failure('ROTATION_INTERRUPTED', M.newCopyDamaged(file.path, workDirOf(run, journal), run.environment));
    writeFileAtomic(target, replacement);
    run.crash('replace');
  }
}

/** Appends the journal's signed entry unless the ledger already ends with it. */
function record(run: RotationRun, journal: RotationJournal): void {
  const entry = journal.entry;
  if (!entry) throw new TypeError('journal in phase "replaced" has no entry');
  const ledger: Ledger = readVerifiedLedger(run.ledgerFile);
  const head = ledger.entries[ledger.entries.length - 1];
  if (head && sameText(entryHash(head), entryHash(entry))) return;
  if (!head || !sameText(entryHash(head), entry.prevHash)) throw failure('ROTATION_INTERRUPTED', M.ledgerChanged(path.basename(run.ledgerFile), run.environment));
  writeLedger(run.ledgerFile, appendEntry(ledger, entry));
  run.crash('ledger');
}

function writeBackup(file: string, text: string): void {
  makePrivateDir(path.dirname(file));
  writeFileAtomic(file, text, { mode: 0o600 });
}

function backupPaths(run: RotationRun, journal: RotationJournal): string[] {
  const backupDir = backupDirOf(run, journal);
  return backupDir ? journal.files.map((file) => repoRelative(run, path.join(backupDir, file.path))) : [];
}

/**
 * Before the first file is replaced: every file and the ledger are still as the rotation found
 * them. A pull or an edit while it was interrupted stops it here, while `--rollback` can still
 * leave that change in place, rather than half-way through the replacement.
 */
function assertUntouched(run: RotationRun, journal: RotationJournal): void {
  for (const file of journal.files) {
    const current = sha256(readWorkFile(path.join(run.root, file.path)));
    if (current !== file.oldSha256 && current !== file.newSha256) throw changedUnderneath(run, file.path);
  }
  if (readWorkFile(run.ledgerFile) !== readWorkFile(path.join(workDirOf(run, journal), 'ledger.before.json'))) throw changedUnderneath(run, journal.ledgerFile);
}

function changedUnderneath(run: RotationRun, file: string): EnvguardError {
  return failure('ROTATION_INTERRUPTED', M.changedUnderneath(file, run.environment));
}
