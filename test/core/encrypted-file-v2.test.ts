import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/core/dotenv/parse.js';
import { encryptToken } from '../../src/core/fernet.js';
import { HEADER_NOTES, decryptEncryptedFile, encryptDocument, parseEncryptedFile } from '../../src/core/encrypted-file.js';
import { generateKey, shortKeyId } from '../../src/core/key.js';
import { envText } from '../helpers/dotenv-arbitrary.js';

const key = generateKey(randomBytes);
const options = { now: 1_700_000_000, random: randomBytes };
const encrypt = (text: string, previous?: string) =>
  encryptDocument(parseDotenv(text), key, { ...options, previous: previous === undefined ? undefined : parseEncryptedFile(previous, '.env.encrypted') });
const decrypt = (text: string) => decryptEncryptedFile(parseEncryptedFile(text, '.env.encrypted'), key, '.env.encrypted');
const token = (plaintext: string | Buffer) => encryptToken(key, Buffer.from(plaintext), { now: 1_600_000_000, iv: randomBytes(16) });
const tokenOf = (out: string, lineIndex: number) => out.split('\n')[lineIndex]!.split('=fernet:')[1]!;

const LEAKY = '#DB_PASSWORD=OldPgPassw0rd-2023\nDB_PASSWORD=new-one\n\n# old admin password was hunter3-much-longer-pw\nADMIN=x\n# trailing note\n\n';

describe('format v2: comments and blank lines travel inside tokens', () => {
  it('leaves only the header and the variable names in clear (issue 16 item 1)', () => {
    const out = encrypt(LEAKY);
    expect(out).not.toMatch(/OldPgPassw0rd|hunter3|trailing note/);
    const lines = out.split('\n');
    expect(lines).toHaveLength(5); // header, 2 entries, the trailer, the final empty string
    expect(lines.slice(1, 4).map((line) => line.split('=fernet:')[0])).toEqual(['DB_PASSWORD', 'ADMIN', '#']);
    expect(decrypt(out)).toBe(LEAKY);
  });

  it('round-trips any .env byte for byte, and re-encrypting an unchanged file changes nothing', () => {
    fc.assert(
      fc.property(envText(), (text) => {
        const out = encrypt(text);
        expect(decrypt(out)).toBe(text);
        expect(encrypt(text, out)).toBe(out);
      }),
      { numRuns: 300 },
    );
  });

  it('changing one variable (or the comment above it) changes one line', () => {
    fc.assert(
      fc.property(envText(), fc.nat(), fc.boolean(), (text, pick, commentToo) => {
        const doc = parseDotenv(text);
        const entries = doc.nodes.flatMap((node, index) => (node.kind === 'entry' ? [index] : []));
        fc.pre(entries.length > 0);
        const at = entries[pick % entries.length]!;
        const nodes = doc.nodes.map((node, index) => (index === at ? { ...node, source: `${commentToo ? '# changed\n' : ''}CHANGED_${index}=v` } : node));
        const after = nodes.map((node) => node.source + node.newline).join('');
        const before = encrypt(text);
        const second = encrypt((doc.bom ? '\ufeff' : '') + after, before);
        const a = before.split('\n');
        const b = second.split('\n');
        expect(b).toHaveLength(a.length);
        expect(a.filter((line, i) => line !== b[i])).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });

  it('still reads v1 (comments in clear); the next write is v2 and keeps the tokens of entries with no comment above', () => {
    const v1 = `# envguard:v1 key=${shortKeyId(key)} ${HEADER_NOTES[1]}\n# note\nA=fernet:${token('A=1\n')}\n\nB=fernet:${token('B=2\n')}\nC=fernet:${token('C=3\n')}\n# end\n`;
    const parsed = parseEncryptedFile(v1, '.env.encrypted');
    expect(parsed.format === 'values' && parsed.version).toBe(1);
    const text = decrypt(v1);
    expect(text).toBe('# note\nA=1\n\nB=2\nC=3\n# end\n');
    const v2 = encrypt(text, v1);
    expect(v2.split('\n')[0]).toMatch(/^# envguard:v2 /);
    expect(v2).not.toContain('# note');
    expect(tokenOf(v2, 3)).toBe(tokenOf(v1, 5)); // C: nothing above it, token kept
    expect(tokenOf(v2, 1)).not.toBe(tokenOf(v1, 2)); // A now carries "# note"
    expect(decrypt(v2)).toBe(text);
  });

  it('refuses a comment or blank line in clear in a v2 file, naming the line', () => {
    const out = encrypt('A=1\nB=2\n');
    const lines = out.split('\n');
    expect(() => parseEncryptedFile([lines[0], lines[1], '# hello', lines[2], ''].join('\n'), '.env.encrypted')).toThrow(/\.env\.encrypted:3: a comment or blank line in clear/);
    expect(() => parseEncryptedFile([lines[0], '', lines[1], lines[2], ''].join('\n'), '.env.encrypted')).toThrow(/\.env\.encrypted:2: /);
  });

  it('binds the trailer: a trailer token under a name, an entry token as trailer, or a trailer not last is refused', () => {
    const out = encrypt('A=1\n# tail\n');
    const [header, entry, trailer] = out.split('\n') as [string, string, string];
    const entryToken = entry.split('=fernet:')[1]!;
    const trailerToken = trailer.split('=fernet:')[1]!;
    expect(() => decrypt(`${header}\nA=fernet:${trailerToken}\n`)).toThrow(/\.env\.encrypted:2: the token under A belongs to another variable/);
    expect(() => decrypt(`${header}\n#=fernet:${entryToken}\n`)).toThrow(/\.env\.encrypted:2: the trailing-comments token holds a variable/);
    expect(() => parseEncryptedFile(`${header}\n${trailer}\n${entry}\n`, '.env.encrypted')).toThrow(/\.env\.encrypted:2: .*must be the last line/);
  });

  it('refuses a token whose entry lost its line end (it would swallow the next entry)', () => {
    const header = encrypt('A=1\n').split('\n')[0];
    expect(() => decrypt(`${header}\nA=fernet:${token('A=1')}\nB=fernet:${token('B=2\n')}\n`)).toThrow(/edited by hand/);
  });
});

describe('bytes, not characters (issue 16 item 12)', () => {
  it('refuses a token whose plaintext is not UTF-8, naming the line, instead of writing U+FFFD', () => {
    const header = encrypt('A=1\n').split('\n')[0];
    const bad = `${header}\nA=fernet:${token('A=1\n')}\nB=fernet:${token(Buffer.from([0x42, 0x3d, 0x63, 0x61, 0x66, 0xe9, 0x0a]))}\n`;
    expect(() => decrypt(bad)).toThrow(/\.env\.encrypted:3: not valid UTF-8/);
  });

  it('refuses a whole-file token with a latin-1 byte, naming the .env line', () => {
    const whole = `${token(Buffer.concat([Buffer.from('A=1\nB=caf'), Buffer.from([0xe9]), Buffer.from('\n')]))}\n`;
    expect(() => decrypt(whole)).toThrow(/\.env\.encrypted:2: not valid UTF-8/);
  });
});
