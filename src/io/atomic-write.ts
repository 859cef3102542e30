import { closeSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { EnvguardError } from '../errors.js';

export interface AtomicWriteOptions {
  /** File mode for a new file; 0o600 for anything holding a key or plaintext. */
  mode?: number;
}

/**
 * Writes a file so that a crash leaves either the old content or the new, never half of it:
 * temp file in the same directory, fsync, rename, fsync the directory.
 *
 * Only a regular file is ever replaced: a device, FIFO, socket or directory at `file` is refused
 * (as root, renaming over `/dev/null` would replace the system's). A symbolic link is written
 * through: the file it points to is replaced, and the link stays a link.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const target = writableTarget(file);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', options.mode ?? 0o644);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
    fsyncDirectory(dir);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // the temp file was never created or is already renamed
    }
    throw new EnvguardError('IO_ERROR', `could not write ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, {
      hint: 'check that the directory exists and is writable',
      cause: error,
    });
  }
}

/**
 * Throws a USAGE error when `file` exists and is not a regular file (after following links), so
 * that neither a read nor a write of it can block on a FIFO or touch a device.
 */
export function assertRegularOrMissing(file: string): void {
  const stats = statOrUndefined(file, statSync);
  if (stats && !stats.isFile()) throw notRegular(file, stats);
}

/** The path to rename onto: `file` itself, or the file a symbolic link at `file` points to. */
function writableTarget(file: string): string {
  const own = statOrUndefined(file, lstatSync);
  if (own === undefined) return file;
  if (own.isSymbolicLink()) {
    const pointed = statOrUndefined(file, statSync);
    if (pointed === undefined) {
      throw new EnvguardError('USAGE', `${file} is a symbolic link to a file that does not exist`, { hint: `point the link at a file, or remove it: rm ${file}` });
    }
    if (!pointed.isFile()) throw notRegular(file, pointed);
    return realpathSync(file);
  }
  if (!own.isFile()) throw notRegular(file, own);
  return file;
}

function notRegular(file: string, stats: Stats): EnvguardError {
  return new EnvguardError('USAGE', `${file} is ${describeKind(stats)}, not a regular file; envguard reads and replaces only regular files`, {
    hint: 'pass the path of a regular file',
  });
}

function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

function statOrUndefined(file: string, stat: typeof statSync): Stats | undefined {
  try {
    return stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new EnvguardError('IO_ERROR', `could not inspect ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { hint: 'check the path and its permissions', cause: error });
  }
}

function fsyncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some filesystems refuse fsync on directories; the rename is still atomic
  }
}
