import { mkdirSync, readFileSync, rmSync } from 'node:fs';

/**
 * The few file operations the per-person access files need beyond src/io/read-file.ts: bytes
 * (an `.age` file is compared and hashed as bytes) and an ordinary directory under the working
 * tree (`.envguard/access/<env>`, committed, so not private like the key store).
 */

/** A file's bytes. */
export function readBytes(file: string): Buffer {
  return readFileSync(file);
}

/** Creates a directory and its parents. */
export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
}

/** Removes a file if it exists. */
export function removeIfExists(file: string): void {
  rmSync(file, { force: true });
}
