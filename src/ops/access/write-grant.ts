import { ensureDir, removeIfExists } from '../../io/access-file-io.js';
import { pathExists } from '../../io/read-file.js';
import path from 'node:path';
import type { AccessPaths, BuiltGrant } from '../../core/access/index.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import type { Git } from '../../io/git.js';
import type { CrashInjector } from '../../io/test-crash.js';

/**
 * Writes one member's two files, the wrapped key first and the signed grant last, each atomically.
 * Killed in between, the old grant no longer matches the new `.age` (or a new member has an
 * `.age` with no grant): `verify` names it, nothing uses it, and running the grant again finishes it.
 */
export function writeGrantFiles(root: string, built: Pick<BuiltGrant, 'paths' | 'ageFile' | 'grantText'>, crash?: CrashInjector): void {
  ensureDir(path.join(root, built.paths.dir));
  writeFileAtomic(path.join(root, built.paths.age), built.ageFile);
  crash?.('grant');
  writeFileAtomic(path.join(root, built.paths.grant), built.grantText);
}

/** Deletes one member's two files, the grant first so no moment has a grant without its key. */
export function removeGrantFiles(root: string, paths: AccessPaths): void {
  removeIfExists(path.join(root, paths.grant));
  removeIfExists(path.join(root, paths.age));
}

/** Stages an environment's access directory, deletions included (`git add -A` on that path only). */
export function stageAccessDir(git: Git, root: string, dir: string): void {
  if (pathExists(path.join(root, dir))) git.exec(['add', '-A', '--', dir], { cwd: root });
  else git.exec(['rm', '-r', '-q', '--cached', '--ignore-unmatch', '--', dir], { cwd: root });
}
