import type { Git } from './git.js';

/** `<object id> <type> <size>`: a name `git cat-file --batch` found (anything else is `<name> missing` or ambiguous, with no body). */
const FOUND = /^[0-9a-f]{40,64} ([a-z]+) (\d+)$/;

/**
 * Blobs by object name (`:path` for the staged content, `<commit>:path` for a commit's), as bytes,
 * in one `git cat-file --batch` of the context's git (whose environment carries a partial
 * commit's `GIT_INDEX_FILE`); names git has no blob for (missing, a tree, a submodule's commit)
 * are left out.
 */
export function readBlobs(git: Git, root: string, names: readonly string[]): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  // A name with a newline cannot be written on the batch's line-based input.
  const asked = names.filter((name) => !name.includes('\n'));
  if (asked.length === 0) return blobs;
  const out = git.exec(['cat-file', '--batch'], { cwd: root, input: asked.map((name) => `${name}\n`).join('') }).stdout;
  let at = 0;
  for (const name of asked) {
    const headerEnd = out.indexOf(10, at);
    if (headerEnd === -1) break;
    const found = FOUND.exec(out.toString('utf8', at, headerEnd));
    at = headerEnd + 1;
    if (!found) continue;
    // Every object found has a body and a newline after it, whatever its type.
    const size = Number(found[2]);
    if (found[1] === 'blob') blobs.set(name, out.subarray(at, at + size));
    at += size + 1;
  }
  return blobs;
}
