/**
 * `.env.encrypted` holds only ciphertext (DESIGN.md, format v1): the header comment, comments and
 * blank lines copied from `.env`, and `NAME=fernet:<token>` entries; or, in the legacy whole-file
 * form, one bare Fernet token. Anything else there is plaintext that leaked past encryption.
 */

export const PLAINTEXT_IN_ENCRYPTED_RULE_ID = 'plaintext-in-encrypted-file';

const FERNET_TOKEN = /^gAAAAA[A-Za-z0-9_-]{50,}={0,2}$/;
const ENTRY = /^(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*=fernet:(gAAAAA[A-Za-z0-9_-]{50,}={0,2})$/;

/** True for a path named like an encrypted env file (`.env.encrypted`, `.env.production.encrypted`). */
export function isEncryptedEnvPath(file: string): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1);
  return base.startsWith('.env') && base.endsWith('.encrypted');
}

export type EncryptedLineKind = 'ciphertext' | 'comment' | 'plaintext';

/** Classifies one line of an encrypted env file. */
export function classifyEncryptedLine(line: string): EncryptedLineKind {
  const trimmed = line.trim();
  if (trimmed === '') return 'comment';
  if (trimmed.startsWith('#')) return 'comment';
  if (ENTRY.test(trimmed) || FERNET_TOKEN.test(trimmed)) return 'ciphertext';
  return 'plaintext';
}

/** The part of a plaintext line worth previewing: the value after `NAME=` when there is one. */
export function leakedPart(line: string): { index: number; text: string } {
  const match = /^(\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*=\s*)(.*)$/.exec(line);
  if (match && (match[2] as string).length > 0) return { index: (match[1] as string).length, text: match[2] as string };
  const start = line.length - line.trimStart().length;
  return { index: start, text: line.trim() };
}
