import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { EnvguardError } from '../errors.js';
import type { Actor, RotationAccess, RotationEntry } from '../core/ledger/types.js';
import { writeFileAtomic } from './atomic-write.js';

/**
 * The rotation journal: what a rotation has done so far, written atomically under the git dir
 * (`git rev-parse --git-path envguard/rotation-<env>.json`, so it is never committed and each
 * worktree has its own) before and after every step. A rotation killed at any instant leaves a
 * journal from which `rotate --resume` finishes and `rotate --rollback` undoes it.
 */

export type RotationPhase =
  /** Journal written; the new key is being persisted and the files re-encrypted to the work dir. Working tree untouched. */
  | 'started'
  /** Every new file is written and verified, every old file saved. Working tree untouched. */
  | 'prepared'
  /** Working-tree files are being replaced, one atomic rename each: each holds old or new content. */
  | 'replacing'
  /** Every file replaced; the signed ledger entry is in the journal and being appended. */
  | 'replaced'
  /** The ledger holds the entry; staging and cleaning up remain. */
  | 'recorded';

export interface JournalFile {
  /** Repository-relative path, `/` separators. */
  path: string;
  /** sha256 hex of the file before rotation. */
  oldSha256: string;
  /** sha256 hex of the re-encrypted file, once written. */
  newSha256?: string;
}

export interface RotationJournal {
  version: 1;
  environment: string;
  projectId: string;
  phase: RotationPhase;
  startedAt: string;
  actor: Actor;
  reason: string;
  oldKeyFingerprint: string;
  newKeyFingerprint: string;
  /**
   * Directory holding `old-<i>.txt` and `new-<i>.txt` (file i's old and re-encrypted text; an
   * earlier version wrote them all into one `old.json`/`new.json`, still read) and
   * `ledger.before.json`, relative to the journal's own
   * directory: the repository may be moved or copied while a rotation is interrupted.
   */
  workDir: string;
  /** Where the old files are backed up as `<path>` (relative like `workDir`); absent with --no-backup. */
  backupDir?: string;
  /** Repository-relative ledger path. */
  ledgerFile: string;
  files: JournalFile[];
  /** The signed entry, once built, so a resumed rotation appends exactly the same entry. */
  entry?: RotationEntry;
  /** Members to revoke and to re-wrap the new key for, fixed when the rotation started. */
  access?: RotationAccess;
}

/** Where the journal for an environment lives: under the worktree's own git dir (`git rev-parse --git-path`). */
export function journalPathIn(gitDir: string, environment: string): string {
  return path.join(gitDir, 'envguard', `rotation-${environment}.json`);
}

/** Reads the journal of an interrupted rotation, or undefined when none is in progress. */
export function readJournal(file: string): RotationJournal | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new EnvguardError('IO_ERROR', `could not read the rotation journal ${file}`, { cause: error });
  }
  try {
    const journal = JSON.parse(text) as RotationJournal;
    if (journal.version !== 1 || typeof journal.phase !== 'string' || !Array.isArray(journal.files)) throw new TypeError('unexpected shape');
    return journal;
  } catch (error) {
    throw new EnvguardError('IO_ERROR', `the rotation journal ${file} is unreadable`, {
      hint: 'the files still decrypt with the old or the new key in your key store; check `envguard verify`, then remove the journal by hand',
      cause: error,
    });
  }
}

/** Writes the journal atomically (a crash leaves the previous phase or the next, never half). */
export function writeJournal(file: string, journal: RotationJournal): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, `${JSON.stringify(journal, null, 2)}\n`, { mode: 0o600 });
}

/**
 * Creates the journal of a new rotation, failing with `ROTATION_INTERRUPTED` if one exists: the
 * complete file is linked into place (atomic create-if-absent), so two rotations started at once
 * cannot both proceed.
 */
export function createJournal(file: string, journal: RotationJournal): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(journal, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new EnvguardError('IO_ERROR', `could not create the rotation journal ${file}`, { cause: error });
    throw new EnvguardError('ROTATION_INTERRUPTED', `another rotation of "${journal.environment}" is in progress or was interrupted`, {
      hint: '`envguard status` shows it; finish it with `envguard rotate --resume` or undo it with `envguard rotate --rollback`',
    });
  } finally {
    rmSync(temp, { force: true });
  }
}

export function removeJournal(file: string): void {
  rmSync(file, { force: true });
}
