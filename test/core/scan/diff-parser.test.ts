import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff, unquote } from '../../../src/core/scan/diff-parser.js';

const DIFF = [
  'diff --git a/src/app.ts b/src/app.ts',
  'index 1111111..2222222 100644',
  '--- a/src/app.ts',
  '+++ b/src/app.ts',
  '@@ -3 +3,2 @@ export function main() {',
  '-  old line',
  '+  new line one',
  '+  new line two',
  '@@ -10,0 +12 @@',
  '+// appended',
  '\\ No newline at end of file',
  'diff --git a/config/new.env b/config/new.env',
  'new file mode 100644',
  'index 0000000..3333333',
  '--- /dev/null',
  '+++ b/config/new.env',
  '@@ -0,0 +1,2 @@',
  '+A=1',
  '+++B=2',
  'diff --git a/logo.png b/logo.png',
  'new file mode 100644',
  'index 0000000..4444444',
  'Binary files /dev/null and b/logo.png differ',
  'diff --git "a/d\\303\\251j\\303\\240 vu.txt" "b/d\\303\\251j\\303\\240 vu.txt"',
  '--- "a/d\\303\\251j\\303\\240 vu.txt"',
  '+++ "b/d\\303\\251j\\303\\240 vu.txt"',
  '@@ -1 +1 @@',
  '-x',
  '+y',
  '',
].join('\n');

describe('parseUnifiedDiff', () => {
  const files = parseUnifiedDiff(DIFF);

  it('returns the added lines with their new line numbers', () => {
    expect(files[0]).toMatchObject({ path: 'src/app.ts', isNew: false, binary: false });
    expect(files[0]?.lines).toEqual([
      { line: 3, text: '  new line one' },
      { line: 4, text: '  new line two' },
      { line: 12, text: '// appended' },
    ]);
  });

  it('marks new files and keeps an added line that starts with "++"', () => {
    expect(files[1]).toMatchObject({ path: 'config/new.env', isNew: true });
    expect(files[1]?.lines.map((l) => l.text)).toEqual(['A=1', '++B=2']);
  });

  it('marks binary files and unquotes unusual paths', () => {
    expect(files[2]).toMatchObject({ path: 'logo.png', binary: true, lines: [] });
    expect(files[3]?.path).toBe('déjà vu.txt');
    expect(unquote('"tab\\there"')).toBe('tab\there');
  });

  it('takes the name git ends with a TAB when it holds a space, quoted or not', () => {
    const spaced = [
      'diff --git a/my config.txt b/my config.txt',
      '--- a/my config.txt\t',
      '+++ b/my config.txt\t',
      '@@ -0,0 +1 @@',
      '+TOKEN=x',
      'diff --git "a/caf\\303\\251 menu.txt" "b/caf\\303\\251 menu.txt"',
      '+++ "b/caf\\303\\251 menu.txt"\t',
      '@@ -0,0 +1 @@',
      '+y',
      '',
    ].join('\n');
    expect(parseUnifiedDiff(spaced).map((file) => file.path)).toEqual(['my config.txt', 'café menu.txt']);
  });

  it('attributes lines to the commit marker that precedes them', () => {
    const log = `envguard-commit abc123\n\n${DIFF}`;
    expect(parseUnifiedDiff(log).every((file) => file.commit === 'abc123')).toBe(true);
  });
});
