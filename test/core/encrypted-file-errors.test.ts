import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/core/dotenv/parse.js';
import { HEADER_NOTES, decryptEncryptedFile, encryptDocument, parseEncryptedFile } from '../../src/core/encrypted-file.js';
import { encryptToken } from '../../src/core/fernet.js';
import { generateKey, shortKeyId } from '../../src/core/key.js';
import { isEnvguardError } from '../../src/errors.js';

const key = generateKey(randomBytes);
const FILE = '.env.encrypted';
const options = { now: 1_700_000_000, random: randomBytes };
const encrypt = (text: string) => encryptDocument(parseDotenv(text), key, options);
const token = (plaintext: string) => encryptToken(key, Buffer.from(plaintext), { now: 1_600_000_000, iv: randomBytes(16) });
const header = (version: 1 | 2 = 2) => `# envguard:v${version} key=${shortKeyId(key)} ${HEADER_NOTES[version]}`;
const decrypt = (text: string) => decryptEncryptedFile(parseEncryptedFile(text, FILE), key, FILE);

/** The error a call throws, as the user sees it: code, message and hint. */
function failure(run: () => unknown): { code: string; message: string; hint: string | undefined } {
  try {
    run();
  } catch (error) {
    if (!isEnvguardError(error)) throw error;
    return { code: error.code, message: error.message, hint: error.hint };
  }
  throw new Error('expected an error');
}

const RESTORE = `restore the file with \`git checkout -- ${FILE}\`, or re-encrypt from .env with \`envguard encrypt --force\``;

/** Every way reading `.env.encrypted` refuses, by code, file:line and the fix it gives. */
describe('encrypted file refusals', () => {
  it('a header that is missing, edited, or not at the start of the file', () => {
    const expected = { code: 'FORMAT_INVALID', message: `${FILE}:1: expected the header "# envguard:v2 key=<key id>" or a single Fernet token`, hint: `restore it with \`git checkout -- ${FILE}\`, then re-encrypt with \`envguard encrypt\`` };
    const body = encrypt('A=1\n').split('\n').slice(1).join('\n');
    expect(failure(() => parseEncryptedFile(`A=fernet:${token('A=1\n')}\n`, FILE))).toEqual(expected);
    expect(failure(() => parseEncryptedFile(`${header().replace('comments inside them', 'comments')}\n${body}`, FILE))).toEqual(expected);
    expect(failure(() => parseEncryptedFile(`x ${header()}\n${body}`, FILE))).toEqual(expected);
    expect(failure(() => parseEncryptedFile(`${header(1)} (edited)\n${body}`, FILE))).toEqual(expected);
  });

  it('reads a file whose last line has no line end', () => {
    expect(decrypt(encrypt('A=1\nB=2\n').replace(/\n$/, ''))).toBe('A=1\nB=2\n');
  });

  it('a trailer that is not the last line', () => {
    const [head, entry, trailer] = encrypt('A=1\n# tail\n').split('\n') as [string, string, string];
    expect(failure(() => parseEncryptedFile(`${head}\n${trailer}\n${entry}\n`, FILE))).toEqual({
      code: 'FORMAT_INVALID',
      message: `${FILE}:2: the "#=fernet:" line of trailing comments must be the last line`,
      hint: `restore the file with \`git checkout -- ${FILE}\``,
    });
  });

  it('a conflict marker line, by its own code', () => {
    const [head, entry] = encrypt('A=1\n').split('\n') as [string, string];
    expect(failure(() => parseEncryptedFile(`${head}\n<<<<<<< HEAD\n${entry}\n=======\n${entry}\n>>>>>>> other\n`, FILE))).toEqual({
      code: 'CONFLICT',
      message: `${FILE}:2: unresolved merge conflict marker`,
      hint: 'resolve the conflict in the decrypted .env, then run `envguard encrypt` and `git add` the encrypted file',
    });
  });

  it('lines in clear: a plaintext value, an indented comment (v2), and a token hidden in a comment (v1)', () => {
    const plain = (line: string, version: 1 | 2 = 2) => failure(() => parseEncryptedFile(`${header(version)}\n${line}\n`, FILE));
    const valueInClear = { code: 'FORMAT_INVALID', message: `${FILE}:2: expected NAME=fernet:<token>`, hint: expect.stringMatching(/^a plaintext value may/) };
    expect(plain('PASTED=plain#value')).toEqual(valueInClear);
    expect(plain('BAD#=fernet:abc', 1)).toEqual(valueInClear);
    const commentInClear = { code: 'FORMAT_INVALID', message: `${FILE}:2: a comment or blank line in clear (format v2 keeps them inside the tokens)`, hint: 'move the comment to .env and run `envguard encrypt`' };
    expect(plain('  # note')).toEqual(commentInClear);
    expect(plain('\t')).toEqual(commentInClear);
    const tokenInComment = { code: 'FORMAT_INVALID', message: `${FILE}:2: a comment line holds a token (an entry was commented out by hand?)`, hint: expect.stringContaining(`git checkout -- ${FILE}`) };
    expect(plain(`#=fernet:${token('# c\n')}`, 1)).toEqual(tokenInComment);
    expect(plain(`# A=fernet:${token('A=1\n')}`, 1)).toEqual(tokenInComment);
    expect(plain(`  #A=fernet:${token('A=1\n')}`, 1)).toEqual(tokenInComment);
    // A plain v1 comment is still read.
    expect(decrypt(`${header(1)}\n# note\nA=fernet:${token('A=1\n')}\n`)).toBe('# note\nA=1\n');
  });

  it('a file under another key names both key ids', () => {
    const other = generateKey(randomBytes);
    const text = encryptDocument(parseDotenv('A=1\n'), other, options);
    expect(failure(() => decrypt(text))).toEqual({
      code: 'DECRYPT_FAILED',
      message: `${FILE} is encrypted with key ${shortKeyId(other)}, but the key found is ${shortKeyId(key)}`,
      hint: expect.stringContaining('envguard key import'),
    });
  });

  it('a damaged token names its line and how to check the key', () => {
    expect(failure(() => decrypt(`${header()}\nA=fernet:${token('A=1\n').slice(0, -4)}\n`))).toEqual({
      code: 'DECRYPT_FAILED',
      message: `${FILE}:2: the token is damaged, truncated or was encrypted with a different key`,
      hint: `check the key with \`envguard status\`, or restore the file with \`git checkout -- ${FILE}\``,
    });
  });

  it('an entry token that holds another name, no entry, or two entries', () => {
    const moved = (plaintext: string) => failure(() => decrypt(`${header()}\nA=fernet:${token(plaintext)}\n`));
    const expected = { code: 'DECRYPT_FAILED', message: `${FILE}:2: the token under A belongs to another variable (moved or edited by hand)`, hint: RESTORE };
    expect(moved('B=1\n')).toEqual(expected);
    expect(moved('# only a comment\n')).toEqual(expected);
    expect(moved('A=1\nA=2\n')).toEqual(expected);
    expect(moved('B=1\nA=2\n')).toEqual(expected);
    expect(moved('')).toEqual(expected);
    // Comments above the entry belong in its token.
    expect(decrypt(`${header()}\nA=fernet:${token('# why\nA=1\n')}\n`)).toBe('# why\nA=1\n');
  });

  it('a trailer token that holds a variable, or nothing at all', () => {
    const trailer = (plaintext: string) => failure(() => decrypt(`${header()}\nA=fernet:${token('A=1\n')}\n#=fernet:${token(plaintext)}\n`));
    const expected = { code: 'DECRYPT_FAILED', message: `${FILE}:3: the trailing-comments token holds a variable (moved or edited by hand)`, hint: RESTORE };
    expect(trailer('B=2\n')).toEqual(expected);
    expect(trailer('# c\nB=2\n')).toEqual(expected);
    expect(trailer('')).toEqual(expected);
    expect(decrypt(`${header()}\nA=fernet:${token('A=1\n')}\n#=fernet:${token('# tail\n\n')}\n`)).toBe('A=1\n# tail\n\n');
  });

  it('tokens that each verify but join into other entries than they hold', () => {
    expect(failure(() => decrypt(`${header()}\nA=fernet:${token('A=1')}\nB=fernet:${token('B=2\n')}\n`))).toEqual({
      code: 'FORMAT_INVALID',
      message: `${FILE}: a line was edited by hand and breaks the decrypted file`,
      hint: RESTORE,
    });
  });
});
