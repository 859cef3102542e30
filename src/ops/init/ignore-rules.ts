import path from 'node:path';
import { withManagedBlock } from '../../core/managed-block.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { readTextIfExists } from '../../io/read-file.js';

/** Plaintext env files stay on the machine; encrypted files, ledgers and examples are committed. */
export const GITIGNORE_LINES = [
  '# plaintext env files stay on this machine; envguard commits the encrypted files and ledgers',
  '.env',
  '.env.*',
  '.env~',
  '.env-*',
  '!.env-example',
  '!.env.example',
  '!.env.sample',
  '!.env.template',
  '!.env.*.example',
  '!.env.encrypted',
  '!.env.*.encrypted',
  '!.env.ledger.json',
  '!.env.*.ledger.json',
];

/** Per-variable diff and merge for encrypted env files; `-text` so CRLF in copied comments survives. */
export const GITATTRIBUTES_LINES = [
  '.env.encrypted -text diff=envguard merge=envguard',
  '.env.*.encrypted -text diff=envguard merge=envguard',
  // Ledgers merge entry by entry: one side ahead wins, a fork stops the merge with both tails kept.
  '.env.ledger.json merge=envguard-ledger',
  '.env.*.ledger.json merge=envguard-ledger',
];

/** Writes envguard's block into a file when it changes; returns whether it wrote. */
export function ensureManagedBlock(root: string, file: string, lines: readonly string[], atEnd: boolean): boolean {
  const full = path.join(root, file);
  const before = readTextIfExists(full) ?? '';
  const after = withManagedBlock(before, lines, { atEnd });
  if (after === before) return false;
  writeFileAtomic(full, after);
  return true;
}
