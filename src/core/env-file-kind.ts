import path from 'node:path';
import { encryptedPathFor, isPlaintextEnvFile } from './env-files.js';

/**
 * Which plaintext env files are environments. `.env.local` and `.env.*.local` are per-developer
 * overrides in the conventions of dotenv-flow, Next.js and Vite: never an environment (no key,
 * ledger or encrypted file), always ignored. Backups and leftovers (`.bak`, `.orig`, `.swp`,
 * `~`, `.incoming`) are not environments either. `.env.example`/`.sample`/`.template` are not
 * plaintext env files at all: they are committed in clear (and scanned like any file).
 */
export function isEnvironmentFile(file: string): boolean {
  const base = path.basename(file);
  if (!isPlaintextEnvFile(base)) return false;
  if (/^\.env(\..+)?\.local$/.test(base)) return false;
  return !/(\.bak|\.backup|\.orig|\.old|\.swp|\.tmp|~|\.incoming)$/.test(base);
}

/** Example files committed in clear beside the environments. */
export function isExampleEnvFile(file: string): boolean {
  return /^\.env(\..+)?\.(example|sample|template)$/.test(path.basename(file));
}

/** The fix for a staged plaintext env file: its encrypted form for an environment, else leave it out. */
export function stagedPlaintextFix(file: string): string {
  const unstage = `git rm --cached -- '${file}'`;
  if (isEnvironmentFile(file)) return `${unstage} (envguard commits ${encryptedPathFor(path.basename(file))} instead)`;
  const base = path.basename(file);
  if (/\.local$/.test(base)) return `${unstage}: ${base} is a per-developer override and stays on this machine (ignored)`;
  return `${unstage}: ${base} is not an environment (a backup or leftover copy); delete it or keep it out of git`;
}
