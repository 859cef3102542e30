import { spawnSync } from 'node:child_process';

/** A python3 that has `cryptography` (pyenv's or Debian's python3-cryptography), or undefined. */
export function pythonWithCryptography(): string | undefined {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    const result = spawnSync(candidate, ['-c', 'import cryptography.fernet'], { encoding: 'utf8' });
    if (result.status === 0) return candidate;
  }
  return undefined;
}

/** Runs a Python snippet with JSON on stdin and returns its stdout. */
export function runPython(python: string, code: string, input: unknown): string {
  const result = spawnSync(python, ['-c', code], { input: JSON.stringify(input), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python failed: ${result.stderr}`);
  return result.stdout;
}
