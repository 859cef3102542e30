import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed envguard package's own directory (for `hooks/` and `templates/`), found by
 * walking up from this module: it is `dist/cli.cjs` when bundled and `src/io/…` under tests.
 */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'envguard') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('envguard package root not found');
    dir = parent;
  }
}

/** A text file shipped in the package (`hooks/hook.sh`), by its path inside the package. */
export function readPackageFile(...segments: string[]): string {
  return readFileSync(path.join(packageRoot(), ...segments), 'utf8');
}

/** The CLI entry that is running, if it is envguard's bundled CLI (recorded for hooks to find). */
export function runningCliPath(): string | undefined {
  const candidate = path.join(packageRoot(), 'dist', 'cli.cjs');
  return existsSync(candidate) ? candidate : undefined;
}
