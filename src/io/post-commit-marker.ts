import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { RepoPaths } from './repo-paths.js';
import { writeCacheFile } from './sync-state.js';

/** Encrypted files pre-commit staged, for post-commit to check (one path a line, under the git dir). */
function markerFile(paths: RepoPaths): string {
  return path.join(paths.gitDir, 'envguard', 'staged-by-pre-commit');
}

/** Called by pre-commit when it staged encrypted files. */
export function markForPostCommit(paths: RepoPaths, files: readonly string[]): void {
  mkdirSync(path.dirname(markerFile(paths)), { recursive: true });
  writeCacheFile(markerFile(paths), `${files.join('\n')}\n`);
}

/** The files pre-commit marked, removing the mark; none when the last commit staged nothing of ours. */
export function takePostCommitMarks(paths: RepoPaths): string[] {
  let files: string[];
  try {
    files = readFileSync(markerFile(paths), 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
  rmSync(markerFile(paths), { force: true });
  return files;
}
