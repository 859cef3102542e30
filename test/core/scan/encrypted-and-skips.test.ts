import { describe, expect, it } from 'vitest';
import { isBinaryText, isDefaultSkippedPath } from '../../../src/core/scan/default-skips.js';
import { classifyEncryptedLine } from '../../../src/core/scan/encrypted-file-rule.js';
import { createPathFilter } from '../../../src/core/scan/path-filter.js';
import { createScanner } from '../../../src/core/scan/scanner.js';
import { B64URL, fake, join, reseed } from './synthetic.js';

reseed(11);
const token = join('gAAAAA', fake(B64URL, 120), '==');

describe('.env.encrypted rule', () => {
  it('accepts the header, comments, blanks and NAME=fernet:<token>; flags anything else', () => {
    expect(classifyEncryptedLine('# envguard:v1 key=0123456789abcdef')).toBe('comment');
    expect(classifyEncryptedLine('')).toBe('comment');
    expect(classifyEncryptedLine(`DB_PASSWORD=fernet:${token}`)).toBe('ciphertext');
    expect(classifyEncryptedLine(token)).toBe('ciphertext');
    expect(classifyEncryptedLine('DB_PASSWORD=hunter22')).toBe('plaintext');
  });

  it('reports a plaintext line in .env.encrypted, masked, and nothing for ciphertext', () => {
    const text = `# envguard:v1 key=0123456789abcdef\nAPI_URL=fernet:${token}\nDB_PASSWORD=hunter22-plain\n`;
    const findings = createScanner().scan({ file: 'config/.env.production.encrypted', text });
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.preview])).toEqual([['plaintext-in-encrypted-file', 3, 13, 'hidden (14 characters)']]);
  });
});

describe('default skips', () => {
  it('skips lockfiles, images, binaries and node_modules', () => {
    for (const file of ['package-lock.json', 'web/yarn.lock', 'pnpm-lock.yaml', 'img/logo.PNG', 'node_modules/x/index.js', 'a/node_modules/b.js', 'font.woff2']) {
      expect(isDefaultSkippedPath(file), file).toBe(true);
    }
    expect(isDefaultSkippedPath('src/lock.ts')).toBe(false);
    expect(isBinaryText('abc\u0000def')).toBe(true);
    expect(createScanner().scan({ file: 'blob.dat', text: `\u0000KEY=${join('sk', '_live_', fake(B64URL, 30))}` })).toEqual([]);
  });

  it('does not flag integrity strings or UUIDs', () => {
    const text = [`"integrity": "${join('sha512-', fake(B64URL, 86), '==')}"`, 'api_key = "123e4567-e89b-12d3-a456-426614174000"'].join('\n');
    expect(createScanner().scan({ file: 'manifest.json', text })).toEqual([]);
  });

  it('applies .envguard.json ignore globs the .gitignore way', () => {
    const filter = createPathFilter(['fixtures/', '*.snap', 'docs/**/*.md', 'config/local.yaml']);
    expect(filter.accepts('test/fixtures/a.txt')).toBe(false);
    expect(filter.accepts('fixtures/a.txt')).toBe(false);
    expect(filter.accepts('config/local.yaml')).toBe(false);
    expect(filter.accepts('app/config/local.yaml')).toBe(true);
    expect(filter.accepts('test/__snapshots__/x.snap')).toBe(false);
    expect(filter.accepts('docs/guide/setup.md')).toBe(false);
    expect(filter.accepts('src/app.ts')).toBe(true);
  });

  it('understands brackets, braces, negation and anchoring as .gitignore users expect', () => {
    const filter = createPathFilter(['[ab].txt', 'generated/*.{js,ts}', 'snapshots/', '!snapshots/keep.txt', '/root-only.md', '# a comment', '']);
    expect(filter.accepts('a.txt')).toBe(false);
    expect(filter.accepts('deep/b.txt')).toBe(false);
    expect(filter.accepts('c.txt')).toBe(true);
    expect(filter.accepts('generated/x.js')).toBe(false);
    expect(filter.accepts('generated/x.ts')).toBe(false);
    expect(filter.accepts('generated/x.py')).toBe(true);
    expect(filter.accepts('snapshots/one.txt')).toBe(false);
    expect(filter.accepts('snapshots/keep.txt')).toBe(true);
    expect(filter.accepts('root-only.md')).toBe(false);
    expect(filter.accepts('docs/root-only.md')).toBe(true);
    expect(createPathFilter(['*.log', '!keep.log']).accepts('logs/keep.log')).toBe(true);
    expect(createPathFilter(['.env*']).accepts('config/.env.sample')).toBe(false);
  });
});
