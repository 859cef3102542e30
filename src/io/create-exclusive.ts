import { closeSync, fsyncSync, linkSync, openSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { EnvguardError } from '../errors.js';

/**
 * Creates a file with its full content, or leaves an existing one alone: temp file, fsync, then
 * link(2) to the final name, which fails when the name exists. Unlike rename this never replaces
 * what another process created a moment earlier (two hooks making an identity at once must not
 * leave one of them holding a recipient whose secret was overwritten). Returns false when the
 * file already existed.
 */
export function createFileExclusive(file: string, data: string, mode: number): boolean {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    const bytes = Buffer.from(data, 'utf8');
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    try {
      linkSync(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
    return true;
  } catch (error) {
    throw new EnvguardError('IO_ERROR', `could not create ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, {
      hint: 'check that the directory is writable (ENVGUARD_HOME chooses where it is)',
      cause: error,
    });
  } finally {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // never created
    }
  }
}
