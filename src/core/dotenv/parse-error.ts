import { EnvguardError } from '../../errors.js';

/**
 * The one shape of a `.env` syntax error: `<file>:<line>: expected X, found Y`, where Y describes
 * what came without quoting it (the line may hold a secret).
 */
export function dotenvParseError(fileName: string, line: number, expected: string, found: string, hint?: string): EnvguardError {
  return new EnvguardError('PARSE_ERROR', `${fileName}:${line}: expected ${expected}, found ${found}`, {
    hint: hint ?? `edit line ${line} of ${fileName}: each line is NAME=value, a # comment or blank; quote values that contain "#" or span lines`,
  });
}
