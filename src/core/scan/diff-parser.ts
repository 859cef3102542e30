/**
 * Parses `git diff --cached -U0 --no-color --no-ext-diff` (and `git log -p` with the same
 * options) into the lines each change adds, with their line numbers in the new file. Only added
 * lines matter to the scan: a secret that was already committed is not this commit's doing.
 * See https://git-scm.com/docs/git-diff#generate_patch_text_with_p for the format.
 */

export interface DiffFile {
  /** Path in the new tree, `/`-separated, unquoted. */
  path: string;
  isNew: boolean;
  /** Git said "Binary files … differ": there are no lines to read. */
  binary: boolean;
  lines: Array<{ line: number; text: string }>;
  /** The commit that made the change (`git log -p` with a `commit <sha>` marker format). */
  commit?: string;
}

/** Git options that make patch output parseable here whatever the user's config says. */
export const PATCH_FLAGS = ['-U0', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/', '--diff-filter=d', '--no-textconv'];

/** The marker `--since` asks `git log` to print before each commit's patch. */
export const COMMIT_MARKER = 'envguard-commit ';

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

export function parseUnifiedDiff(text: string): DiffFile[] {
  const files: DiffFile[] = [];
  let current: DiffFile | undefined;
  let commit: string | undefined;
  let nextLine = 0;
  let inHunk = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (inHunk) {
      const first = raw.charCodeAt(0);
      if (first === 43 /* + */) {
        current?.lines.push({ line: nextLine++, text: raw.slice(1).replace(/\r$/, '') });
        continue;
      }
      if (first === 45 /* - */ || first === 92 /* \ No newline */) continue;
      if (first === 32 /* context */) {
        nextLine++;
        continue;
      }
      inHunk = false;
    }
    if (raw.startsWith(COMMIT_MARKER)) {
      commit = raw.slice(COMMIT_MARKER.length).trim();
      continue;
    }
    if (raw.startsWith('diff --git ')) {
      current = { path: pathFromDiffHeader(raw), isNew: false, binary: false, lines: [], ...(commit ? { commit } : {}) };
      files.push(current);
      continue;
    }
    if (!current) continue;
    if (raw.startsWith('new file mode')) current.isNew = true;
    else if (raw.startsWith('+++ ')) {
      // git ends the name with a TAB when it holds a space (a TAB inside a name is always quoted).
      const target = raw.endsWith('\t') ? raw.slice(4, -1) : raw.slice(4);
      if (target !== '/dev/null') current.path = stripPrefix(unquote(target));
    } else if (raw.startsWith('Binary files ') || raw === 'GIT binary patch') current.binary = true;
    else {
      const hunk = HUNK.exec(raw);
      if (hunk) {
        nextLine = Number(hunk[1]);
        inHunk = true;
      }
    }
  }
  return files;
}

/** `diff --git a/x b/x`: the `b/` side, good enough until `+++` names it exactly. */
function pathFromDiffHeader(header: string): string {
  const rest = header.slice('diff --git '.length);
  if (rest.startsWith('"')) {
    const second = rest.lastIndexOf(' "');
    return stripPrefix(unquote(rest.slice(second + 1)));
  }
  const middle = rest.indexOf(' b/');
  return middle === -1 ? rest : rest.slice(middle + 3);
}

function stripPrefix(path: string): string {
  return path.startsWith('b/') ? path.slice(2) : path;
}

/** Undoes git's C-style quoting of unusual paths (`"dir/\303\251.txt"`). */
export function unquote(path: string): string {
  if (!path.startsWith('"') || !path.endsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const char = body[i] as string;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[i + 1] as string;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
