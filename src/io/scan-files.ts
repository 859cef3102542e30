import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { EnvguardError } from '../errors.js';
import type { Git } from './git.js';

/**
 * File access for `envguard scan PATH…`: walking directories (never following symlinks, never
 * entering `.git`), reading files as bytes, listing env files and reading blobs for the scan.
 */

/** Files under `root` (a file or a directory), as paths relative to `root` with `/` separators. */
export function walkFiles(root: string, acceptDirectory: (relative: string) => boolean): string[] {
  let stats;
  try {
    stats = statSync(root);
  } catch (error) {
    throw new EnvguardError('NOT_FOUND', `${root}: no such file or directory`, { hint: 'check the path and run `envguard scan PATH` again', cause: error });
  }
  if (stats.isFile()) return [''];
  const out: string[] = [];
  const visit = (relative: string) => {
    const entries = readdirSync(path.join(root, relative), { withFileTypes: true });
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== '.git' && acceptDirectory(`${child}/`)) visit(child);
      } else if (entry.isFile()) out.push(child);
    }
  };
  visit('');
  return out.sort();
}

/**
 * A file's bytes and, unless it is binary (a NUL byte in the first 8000 bytes, as git decides),
 * its text; `undefined` for a vanished file or one that is not a regular file.
 */
export function readScanFile(file: string): { bytes: Buffer; text: string | undefined } | undefined {
  let bytes: Buffer;
  try {
    if (!lstatSync(file).isFile()) return undefined;
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  return { bytes, text: bytes.subarray(0, 8000).includes(0) ? undefined : bytes.toString('utf8') };
}

/** Reads an optional file: `undefined` when it does not exist (the one definition is in read-file.ts). */
export { readTextIfExists as readOptionalText } from './read-file.js';

/** Where env files can be, at any depth: what `git ls-files` is asked for. */
const ENV_FILE_SPECS = [':(glob)**/.env', ':(glob)**/.env.*'];

/**
 * Exclude patterns laid over the project's own (given on the command line, they take precedence):
 * a file named `.env` or `.env.*` counts whether it is ignored or not, while a directory of that
 * name stays out (a Python virtualenv called `.env` would cost a walk of thousands of files).
 * As ever, nothing inside an ignored directory such as `node_modules/` is looked at.
 */
const ENV_FILES_COUNT = ['-x', '!.env', '-x', '!.env.*', '-x', '.env/', '-x', '.env.*/'];

/**
 * Folders below the repository root (relative, `/`-separated) that hold an env file: tracked,
 * untracked or git-ignored (the usual case for a plaintext `.env`). One `git ls-files` answers
 * from the index and one walk of the non-ignored tree (issue 14: two calls, one for ignored files,
 * cost a second walk, 8 ms in a repository of 10,000 files).
 */
export function envFileFolders(git: Git, root: string): string[] {
  const listed = git.linesZ(['ls-files', '-z', '--cached', '--others', '--exclude-standard', ...ENV_FILES_COUNT, '--', ...ENV_FILE_SPECS], { cwd: root });
  const folders = new Set<string>();
  for (const file of listed) {
    const slash = file.lastIndexOf('/');
    const base = file.slice(slash + 1);
    if (slash > 0 && (base === '.env' || base.startsWith('.env.'))) folders.add(file.slice(0, slash));
  }
  return [...folders].sort();
}
