import { isDefaultSkippedPath } from './default-skips.js';

/**
 * Which paths the scan reads: not the default skips, not `.envguard.json`'s `scan.ignorePaths`.
 * Globs follow .gitignore habits: `*` stays within a segment, `**` crosses them, and a pattern
 * without `/` matches a file or directory name at any depth.
 */
export function globToRegExp(glob: string): RegExp {
  let pattern = glob.trim().replace(/^\.\//, '');
  const anchored = pattern.replace(/\/$/, '').includes('/');
  if (pattern.endsWith('/')) pattern += '**';
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '*') {
      if (pattern[i + 1] === '*') {
        const slash = pattern[i + 2] === '/';
        out += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (char === '?') out += '[^/]';
    else out += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(anchored ? `^${out.replace(/^\//, '')}(?:/.*)?$` : `(?:^|/)${out}(?:/.*)?$`);
}

export interface PathFilter {
  /** True when the file (repository-relative, `/`-separated) should be scanned. */
  accepts(file: string): boolean;
}

export function createPathFilter(ignoreGlobs: readonly string[] = [], options: { defaultSkips?: boolean } = {}): PathFilter {
  const globs = ignoreGlobs.filter((glob) => glob.trim() !== '' && !glob.startsWith('#')).map(globToRegExp);
  const defaults = options.defaultSkips !== false;
  return {
    accepts: (file) => !(defaults && isDefaultSkippedPath(file)) && !globs.some((glob) => glob.test(file)),
  };
}
