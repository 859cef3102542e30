import picomatch from 'picomatch';
import { isDefaultSkippedPath } from './default-skips.js';

/**
 * Which paths the provider and generic rules read: not the default skips, not `.envguard.json`'s
 * `scan.ignorePaths`. Globs are picomatch's (`*`, `**`, `?`, `[ab]`, `{js,ts}`) with .gitignore
 * habits (https://git-scm.com/docs/gitignore#_pattern_format): a pattern without an inner `/`
 * matches a name at any depth, a trailing `/` means a folder and everything in it, a leading `/`
 * anchors to the root, `!pattern` takes a path back, and the last pattern that matches decides.
 * Unlike git, a path can be taken back from inside an ignored folder: a scan has no reason not to.
 */

interface IgnoreRule {
  readonly negated: boolean;
  readonly matches: (file: string) => boolean;
}

/** One `ignorePaths` entry; `undefined` for blank lines and `#` comments. */
export function compileIgnoreRule(entry: string): IgnoreRule | undefined {
  let pattern = entry.trim();
  if (pattern === '' || pattern.startsWith('#')) return undefined;
  const negated = pattern.startsWith('!');
  if (negated) pattern = pattern.slice(1);
  // `\!x` and `\#x` name files that really start with those characters.
  if (pattern.startsWith('\\!') || pattern.startsWith('\\#')) pattern = pattern.slice(1);
  pattern = pattern.replace(/^\.\//, '');
  const folderOnly = pattern.endsWith('/');
  pattern = pattern.replace(/\/+$/, '');
  if (pattern === '') return undefined;
  const anchored = pattern.includes('/');
  pattern = pattern.replace(/^\/+/, '');
  const glob = anchored ? pattern : `**/${pattern}`;
  // A folder's pattern covers everything in it; a name's pattern covers a file or a folder of that name.
  const globs = folderOnly ? [`${glob}/**`] : [glob, `${glob}/**`];
  const matchers = globs.map((g) => picomatch(g, { dot: true }));
  return { negated, matches: (file) => matchers.some((matcher) => matcher(file)) };
}

export interface PathFilter {
  /** True when the file (repository-relative, `/`-separated) should be scanned. */
  accepts(file: string): boolean;
}

export function createPathFilter(ignoreGlobs: readonly string[] = [], options: { defaultSkips?: boolean } = {}): PathFilter {
  const rules = ignoreGlobs.map(compileIgnoreRule).filter((rule): rule is IgnoreRule => rule !== undefined);
  const defaults = options.defaultSkips !== false;
  const ignored = (file: string) => {
    let verdict = false;
    for (const rule of rules) if (rule.matches(file)) verdict = !rule.negated;
    return verdict;
  };
  return {
    accepts: (file) => !(defaults && isDefaultSkippedPath(file)) && !ignored(file),
  };
}
