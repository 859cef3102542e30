import path from 'node:path';
import { failure } from '../../errors.js';
import { generateKey, shortKeyId, type FernetKey } from '../../core/key.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { makePrivateDir, readText, readTextIfExists, removeTree } from '../../io/read-file.js';
import { writeJournal, type RotationJournal } from '../../io/rotation-journal.js';
import type { CrashInjector } from '../../io/test-crash.js';
import type { OpsContext } from '../context.js';
import { ROTATION_MESSAGES as M } from './rotation-messages.js';

/** What every step of one environment's rotation works with. */
export interface RotationRun {
  ctx: OpsContext;
  root: string;
  environment: string;
  projectId: string;
  /** Absolute ledger path. */
  ledgerFile: string;
  journalFile: string;
  rotationDays: number;
  crash: CrashInjector;
}

export interface RotationKeys {
  oldKey: FernetKey;
  /** Undefined only when a rotation was killed before its new key reached the key store. */
  newKey: FernetKey | undefined;
}

/** The journal's work directory, resolved next to the journal. */
export function workDirOf(run: RotationRun, journal: RotationJournal): string {
  return path.resolve(path.dirname(run.journalFile), journal.workDir);
}

/** The backup directory of the old files, resolved next to the journal; undefined with --no-backup. */
export function backupDirOf(run: RotationRun, journal: RotationJournal): string | undefined {
  return journal.backupDir === undefined ? undefined : path.resolve(path.dirname(run.journalFile), journal.backupDir);
}

/**
 * One file's text at one phase (`old` or `new`), as its own durable file in the work dir
 * (`old-<index>.txt`): a rotation holds one file in memory at a time, whatever their number.
 */
export function writeFileText(run: RotationRun, journal: RotationJournal, which: 'old' | 'new', index: number, text: string): void {
  writeCopy(path.join(workDirOf(run, journal), `${which}-${index}.txt`), text);
}

/**
 * Reads what {@link writeFileText} wrote (undefined when it is not there). A rotation
 * interrupted under an earlier version kept every file's text in one `old.json`/`new.json`: read
 * from those too, so it can still be resumed or rolled back.
 */
export function readFileText(run: RotationRun, journal: RotationJournal, which: 'old' | 'new', index: number): string | undefined {
  const dir = workDirOf(run, journal);
  const own = readTextIfExists(path.join(dir, `${which}-${index}.txt`));
  if (own !== undefined) return own;
  const all = readTextIfExists(path.join(dir, `${which}.json`));
  return all === undefined ? undefined : (JSON.parse(all) as string[])[index];
}

/**
 * A random source that draws from the context's in 4 KiB blocks: 10,000 tokens need 10,000
 * IVs, and one CSPRNG call per IV cost more than the AES itself.
 */
export function pooledRandom(random: (size: number) => Buffer): (size: number) => Buffer {
  let pool: Buffer = Buffer.alloc(0);
  return (size) => {
    if (size > 1024) return random(size);
    if (pool.length < size) pool = random(4096);
    const out = Buffer.from(pool.subarray(0, size));
    pool = pool.subarray(size);
    return out;
  };
}

/** Writes the journal and passes the test-only crash point that follows every journal write. */
export function saveJournal(run: RotationRun, journal: RotationJournal): void {
  writeJournal(run.journalFile, journal);
  run.crash('journal');
}

/**
 * Persists the new key before any file changes, keeping the old one as retired first: the old
 * key may have come from a variable or keyCommand, and every file must decrypt with a key the
 * store holds at every instant.
 */
export function persistNewKey(run: RotationRun, oldKey: FernetKey, newKey: FernetKey): void {
  run.ctx.keys.retire(oldKey, run.projectId);
  run.ctx.keys.save(run.environment, newKey, run.projectId);
  run.crash('key');
}

/** Makes the old key current again (the new one is kept as retired by saveKey). */
export function restoreOldKey(run: RotationRun, oldKey: FernetKey): void {
  run.ctx.keys.save(run.environment, oldKey, run.projectId);
}

/** Finds both keys of a journal in the variables or the key store. */
export function journalKeys(run: RotationRun, journal: RotationJournal): RotationKeys {
  const oldKey = run.ctx.keys.byFingerprint(run.environment, journal.oldKeyFingerprint)?.key;
  if (!oldKey) throw failure('KEY_MISSING', M.oldKeyMissing(shortKeyId(journal.oldKeyFingerprint), run.environment));
  return { oldKey, newKey: run.ctx.keys.byFingerprint(run.environment, journal.newKeyFingerprint)?.key };
}

/** A fresh key from the context's random source. */
export function newRotationKey(run: RotationRun): FernetKey {
  return generateKey(run.ctx.random);
}

/** A file the rotation works on; it must be there (the journal names it). */
export function readWorkFile(file: string): string {
  return readText(file, M.workFileHint);
}

/** Writes a copy under the git dir (creating its directory), atomically. */
export function writeCopy(file: string, text: string): void {
  makePrivateDir(path.dirname(file));
  writeFileAtomic(file, text, { mode: 0o600 });
}

export { removeTree };

/** Stages repository-relative paths. */
export function stage(run: RotationRun, files: readonly string[]): void {
  run.ctx.git.exec(['add', '--', ...files], { cwd: run.root });
  run.crash('stage');
}

/** Repository-relative, `/`-separated form of an absolute path (what the ledger records). */
export function repoRelative(run: RotationRun, absolute: string): string {
  return path.relative(run.root, absolute).split(path.sep).join('/');
}
