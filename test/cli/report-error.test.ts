import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/run-command.js';
import type { Output } from '../../src/cli/output.js';
import { EnvguardError } from '../../src/errors.js';

/** How the command line turns a thrown error into stderr lines and an exit code (run-command.ts). */
describe('reportError', () => {
  const capture = () => {
    const lines: string[] = [];
    const output: Output = { color: new Chalk({ level: 0 }), out: () => undefined, err: (text) => void lines.push(text), json: () => undefined, logger: () => ({ info() {}, warn() {}, debug() {} }) };
    return { output, lines };
  };

  it('prints an EnvguardError as [CODE] message and its fix, and returns its exit code', () => {
    const { output, lines } = capture();
    expect(reportError(output, new EnvguardError('KEY_MISMATCH', '.env.encrypted is under another key', { hint: 'import the key' }), {})).toBe(1);
    expect(lines).toEqual(['envguard: [KEY_MISMATCH] .env.encrypted is under another key', '  fix: import the key']);
  });

  it('prints the first line of an unexpected error with control characters removed, never a stack', () => {
    const { output, lines } = capture();
    const error = new Error('bad \u001b]0;title\u0007input\u001b[2J\r\nsecond line');
    expect(reportError(output, error, {})).toBe(3);
    expect(lines).toEqual(['envguard: [UNEXPECTED] unexpected error: bad ]0;titleinput[2J', '  fix: run again with ENVGUARD_DEBUG=1 and report the issue']);
  });
});
