import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isEnvguardError } from '../../../src/errors.js';
import { parseDotenv } from '../../../src/core/dotenv/index.js';

const require = createRequire(import.meta.url);
const dotenv = require('dotenv') as { parse(src: string): Record<string, string> };

const SECRET = 'hunter2-s3cr3t-VALUE';

interface Refused {
  /** The text; SECRET stands for the part that may be a secret. */
  readonly text: string;
  readonly line: number;
  readonly expected: RegExp;
  /** What dotenv does with it instead (the deliberate difference). */
  readonly dotenvGives: Record<string, string>;
}

// Each case is a line dotenv silently skips or misreads; envguard refuses it so that a typo
// never turns into a missing or wrong secret.
const REFUSED: Record<string, Refused> = {
  'a line with no "=" (dotenv skips it)': {
    text: `A=1\n${SECRET}\nB=2\n`,
    line: 2,
    expected: /expected "=" after the variable name, found a line with no "="/,
    dotenvGives: { A: '1', B: '2' },
  },
  'a name alone, then "=value" (dotenv joins the two lines)': {
    text: `FOO\n=${SECRET}\n`,
    line: 1,
    expected: /found a line with no "="/,
    dotenvGives: { FOO: SECRET },
  },
  'a name with a space (dotenv skips it)': {
    text: `MY KEY=${SECRET}\n`,
    line: 1,
    expected: /found a space or a character not allowed in names/,
    dotenvGives: {},
  },
  'a line starting with "=" (dotenv skips it)': {
    text: `A=1\n\n=${SECRET}\n`,
    line: 3,
    expected: /expected a variable name, a "#" comment or a blank line, found a line starting with "="/,
    dotenvGives: { A: '1' },
  },
  'an unterminated quote (dotenv keeps the quote as text)': {
    text: `A=1\nB="${SECRET}\nC=3\n`,
    line: 2,
    expected: /expected a closing " followed by the end of the line or a "#" comment, .* found none before the end of the file/,
    dotenvGives: { A: '1', B: `"${SECRET}`, C: '3' },
  },
  'an unterminated quote that a later quote would close (dotenv takes the next lines as value)': {
    text: `A='${SECRET}\nB='x' y\n`,
    line: 1,
    expected: /expected a closing ' followed by the end of the line/,
    dotenvGives: { A: `'${SECRET}`, B: "'x' y" },
  },
  'text after the closing quote (dotenv keeps the quotes as text)': {
    text: `A="${SECRET}" trailing"\n`,
    line: 1,
    expected: /expected the end of the line or a "#" comment after the closing quote, found more text/,
    dotenvGives: { A: `${SECRET}" trailing` },
  },
  '"KEY:value" with no space (dotenv skips it)': {
    text: `KEY:${SECRET}\n`,
    line: 1,
    expected: /found ":" followed by no space/,
    dotenvGives: {},
  },
  '"KEY:" at the end of a line (dotenv takes the next line as its value)': {
    text: `KEY:\n${SECRET}\n`,
    line: 1,
    expected: /found ":" followed by the end of the line/,
    dotenvGives: { KEY: SECRET },
  },
  'a lone carriage return as a line end (dotenv splits the line there)': {
    text: `A=1\nB=${SECRET}\rC=3\n`,
    line: 2,
    expected: /expected a line ending "\\n" or "\\r\\n", found a carriage return on its own/,
    dotenvGives: { A: '1', B: SECRET, C: '3' },
  },
  'U+2028 in a comment (dotenv reads what follows as a new line)': {
    text: `# note\u2028A=${SECRET}\n`,
    line: 1,
    expected: /found a Unicode line separator/,
    dotenvGives: { A: SECRET },
  },
  'U+2028 in an unquoted value (dotenv strips quotes after it)': {
    text: `A=x\u2028'${SECRET}'\n`,
    line: 1,
    expected: /found a Unicode line separator/,
    dotenvGives: { A: `x\u2028${SECRET}` },
  },
  'U+2028 after a closing quote (dotenv reads what follows as a new line)': {
    text: `A="x"\u2028B=${SECRET}\n`,
    line: 1,
    expected: /found a Unicode line separator/,
    dotenvGives: { A: 'x', B: SECRET },
  },
  'a quoted line after an empty value (dotenv takes it as the value)': {
    text: `A=\n'${SECRET}'\n`,
    line: 2,
    expected: /found a line starting with a quote/,
    dotenvGives: { A: SECRET },
  },
};

describe('malformed input', () => {
  it.each(Object.entries(REFUSED))('refuses %s', (_name, { text, line, expected, dotenvGives }) => {
    let error: unknown;
    try {
      parseDotenv(text, 'config/.env.local');
    } catch (caught) {
      error = caught;
    }
    expect(isEnvguardError(error, 'PARSE_ERROR')).toBe(true);
    const { message, hint } = error as { message: string; hint: string };
    expect(message).toMatch(new RegExp(`^config/\\.env\\.local:${line}: expected .+, found .+$`));
    expect(message).toMatch(expected);
    expect(hint).toContain(`line ${line} of config/.env.local`);
    expect(`${message} ${hint}`).not.toContain(SECRET);
    expect(`${message} ${hint}`).not.toContain('s3cr3t');
    // The difference is deliberate: pin what dotenv does so a dotenv upgrade that changes it shows up.
    expect({ ...dotenv.parse(text) }).toEqual(dotenvGives);
  });

  it('has no stack-worthy failure: errors are EnvguardError with exit code 2', () => {
    try {
      parseDotenv('oops');
      expect.unreachable();
    } catch (error) {
      expect(isEnvguardError(error)).toBe(true);
      expect((error as { exitCode: number }).exitCode).toBe(2);
    }
  });

  it('counts lines across CRLF, multi-line values and a BOM', () => {
    expect(() => parseDotenv('\ufeffA=1\r\nB="x\r\ny"\r\n\r\noops\r\n')).toThrow(/^\.env:5: /);
  });
});
