import path from 'node:path';
import { failure } from '../../errors.js';
import { appendRotation, currentKeyFingerprint, entryHash, sameText, type FileResult, type Ledger, type RotationStatus } from '../../core/ledger/index.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { readLedgerJson, writeLedger } from '../../io/ledger-file.js';
import { removeJournal, type RotationJournal } from '../../io/rotation-journal.js';
import { sha256 } from '../../core/sha256.js';
import { restoreAccess } from './rewrap.js';
import { backupDirOf, readFileText, readWorkFile, removeTree, restoreOldKey, stage, workDirOf, type RotationKeys, type RotationRun } from './rotation-run.js';
import { pathExists } from '../../io/read-file.js';
import { ROTATION_MESSAGES as M } from './rotation-messages.js';

export interface RollbackOutcome {
  status: Extract<RotationStatus, 'failed' | 'rolled_back'>;
  /** False when the rotation died before its new key was saved: nothing to sign, nothing recorded. */
  recorded: boolean;
}

/**
 * Undoes a rotation from any phase: every file back to its old version, the ledger back to what
 * it was, the old key current again (the new one kept as retired), then an entry recording the
 * attempt as `rolled_back` (asked for) or `failed` (verification failed). Safe to run again
 * after a crash part-way: each step checks what is already undone.
 */
export function rollBack(run: RotationRun, journal: RotationJournal, keys: RotationKeys, status: RollbackOutcome['status'], files?: FileResult[]): RollbackOutcome {
  for (const [index, file] of journal.files.entries()) {
    const target = path.join(run.root, file.path);
    const current = sha256(readWorkFile(target));
    // Only a file the rotation wrote (its new version) is put back; anything else there now (a
    // pull or an edit while the rotation was interrupted) is someone's work and stays as it is.
    if (current !== file.newSha256 || file.newSha256 === undefined) continue;
    const old = readFileText(run, journal, 'old', index);
    if (old === undefined || sha256(old) !== file.oldSha256) throw failure('ROTATION_INTERRUPTED', M.oldCopyDamaged(file.path));
    writeFileAtomic(target, old);
    run.crash('rollback');
  }
  restoreAccess(run, journal);
  // The ledger goes back to its state before the rotation only if the rotation's entry is in it;
  // otherwise it was never written, and what it holds now (perhaps pulled) stays.
  const ledgerNow = readLedgerJson(run.ledgerFile) as Ledger;
  const head = ledgerNow.entries?.[ledgerNow.entries.length - 1];
  const recordedByUs = journal.entry !== undefined && head !== undefined && sameText(entryHash(head), entryHash(journal.entry));
  const before = path.join(workDirOf(run, journal), 'ledger.before.json');
  const ledgerBefore = (recordedByUs && pathExists(before) ? JSON.parse(readWorkFile(before)) : ledgerNow) as Ledger;
  restoreOldKey(run, keys.oldKey);
  let recorded = false;
  // Only the ledger's current key can sign the record of an attempt: a pulled ledger that moved on
  // to another key gets no entry (the attempt never reached it anyway).
  // A rollback killed after writing its entry finds that entry at the head: not twice.
  const attemptRecorded = head?.type === 'rotation' && head.newKeyFingerprint === journal.newKeyFingerprint && (head.status === 'rolled_back' || head.status === 'failed');
  if (attemptRecorded) {
    recorded = true;
  } else if (keys.newKey && currentKeyFingerprint(ledgerBefore) === journal.oldKeyFingerprint) {
    const entryFiles = files ?? journal.files.map((file) => ({ path: file.path, verified: file.newSha256 !== undefined }));
    writeLedger(run.ledgerFile, appendRotation(ledgerBefore, { oldKey: keys.oldKey, newKey: keys.newKey, status, actor: journal.actor, reason: journal.reason, now: run.ctx.now(), files: entryFiles, backupPaths: [], rotationDays: run.rotationDays }));
    recorded = true;
  } else {
    writeLedger(run.ledgerFile, ledgerBefore);
  }
  run.crash('ledger');
  // Files were staged only once the rotation was recorded; re-staging puts the old versions back in the index.
  stage(run, journal.phase === 'recorded' ? [...journal.files.map((file) => file.path), journal.ledgerFile] : [journal.ledgerFile]);
  removeJournal(run.journalFile);
  run.crash('cleanup');
  removeTree(workDirOf(run, journal));
  // Nothing was rotated: the backup would only duplicate the files as they are again.
  const backupDir = backupDirOf(run, journal);
  if (backupDir) removeTree(backupDir);
  return { status, recorded };
}
