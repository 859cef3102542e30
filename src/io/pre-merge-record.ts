import { readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { makePrivateDir } from './read-file.js';

/**
 * What `.env` held before the merge driver wrote a conflict view into it, so that an aborted
 * merge (`git merge --abort`, `git reset --hard`: git runs no checkout or merge hook for them)
 * can put it back. Only the *encrypted* pre-merge file is kept (tokens, never plaintext), with
 * the sha256 of the view, under `<git dir>/envguard/pre-merge/`.
 */
export interface PreMergeRecord {
  /** The env file, relative to the repository top (`.env`, `services/api/.env`). */
  envFile: string;
  /** The encrypted file as it was on the local branch before the merge (the driver's %A). */
  encrypted: string;
  /** sha256 hex of the conflict view written to `envFile`: anything else there is the user's. */
  viewSha256: string;
  /** HEAD when the merge started: once HEAD moves, the merge was committed (or left) and the view is the user's to resolve. */
  head: string;
}

export function preMergeDir(gitDir: string): string {
  return path.join(gitDir, 'envguard', 'pre-merge');
}

export function savePreMergeRecord(gitDir: string, record: PreMergeRecord): void {
  makePrivateDir(preMergeDir(gitDir));
  writeFileAtomic(path.join(preMergeDir(gitDir), `${Buffer.from(record.envFile).toString('hex')}.json`), `${JSON.stringify(record)}\n`, { mode: 0o600 });
}

/** Every saved record with the file it is in; unreadable ones are skipped (and removed by the caller's pass). */
export function readPreMergeRecords(gitDir: string): Array<{ file: string; record: PreMergeRecord | undefined }> {
  let names: string[];
  try {
    names = readdirSync(preMergeDir(gitDir));
  } catch {
    return [];
  }
  return names.map((name) => {
    const file = path.join(preMergeDir(gitDir), name);
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<PreMergeRecord>;
      const valid = typeof data.envFile === 'string' && typeof data.encrypted === 'string' && typeof data.viewSha256 === 'string' && typeof data.head === 'string';
      return { file, record: valid ? (data as PreMergeRecord) : undefined };
    } catch {
      return { file, record: undefined };
    }
  });
}

export function removePreMergeRecord(file: string): void {
  rmSync(file, { force: true });
}

/** Drops the folder once it is empty: the hook shim starts envguard on index changes only while it exists. */
export function removePreMergeDirIfEmpty(gitDir: string): void {
  try {
    rmdirSync(preMergeDir(gitDir));
  } catch {
    // not empty (a merge still in progress), or already gone
  }
}
