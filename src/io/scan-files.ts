import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { EnvguardError } from '../errors.js';

/**
 * File access for `envguard scan PATH…`: walking directories (never following symlinks, never
 * entering `.git`) and reading files as text, with binary files recognised by their bytes.
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

/** A file's text, or `undefined` for binary content (a NUL byte in the first 8000 bytes, as git decides) or a vanished file. */
export function readTextFile(file: string): string | undefined {
  let buffer: Buffer;
  try {
    if (!lstatSync(file).isFile()) return undefined;
    buffer = readFileSync(file);
  } catch {
    return undefined;
  }
  const head = buffer.subarray(0, 8000);
  if (head.includes(0)) return undefined;
  return buffer.toString('utf8');
}

/** Reads an optional file: `undefined` when it does not exist (the one definition is in read-file.ts). */
export { readTextIfExists as readOptionalText } from './read-file.js';
