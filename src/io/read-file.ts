import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { EnvguardError } from '../errors.js';
import { decodeUtf8Strict } from '../core/text/utf8.js';
import { assertRegularOrMissing } from './atomic-write.js';

/**
 * Reads a UTF-8 file, or undefined when it does not exist; other failures are IO errors. A FIFO or
 * device is refused before it is opened, so a read can never block on it. Bytes that are not
 * UTF-8 are refused with their line (never turned into U+FFFD and written back).
 */
export function readTextIfExists(file: string): string | undefined {
  assertRegularOrMissing(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR') throw new EnvguardError('USAGE', `${file} is a directory, not a file`, { hint: 'pass the path of a file' });
    throw new EnvguardError('IO_ERROR', `could not read ${file} (${code ?? 'error'})`, { hint: 'check the file permissions', cause: error });
  }
  return decodeUtf8Strict(bytes, file);
}

/** Reads a UTF-8 file that must exist. */
export function readText(file: string, hint: string): string {
  const text = readTextIfExists(file);
  if (text === undefined) throw new EnvguardError('NOT_FOUND', `${file} does not exist`, { hint });
  return text;
}

/** Whether a path exists (any kind of file). */
export function pathExists(file: string): boolean {
  return existsSync(file);
}

/** The names in a directory, or none when it cannot be read. */
export function listDirectory(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Creates a directory (and its parents) only this user can open. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Creates a directory (and its parents) with the usual permissions (hook folders). */
export function makeDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
}

/** Deletes a file; nothing happens when it is not there. */
export function removeFile(file: string): void {
  rmSync(file, { force: true });
}

/** Deletes a directory and everything in it; nothing happens when it is not there. */
export function removeTree(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Renames a file in place (keeping an existing hook beside envguard's). */
export function renameFile(from: string, to: string): void {
  renameSync(from, to);
}

/** Sets a file's mode to rwxr-xr-x whatever the umask made it (git runs only executable hooks). */
export function makeExecutable(file: string): void {
  chmodSync(file, 0o755);
}
