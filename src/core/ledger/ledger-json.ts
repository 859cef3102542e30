import { EnvguardError } from '../../errors.js';
import { parseStrictJson } from '../strict-json.js';

/**
 * Parses a ledger file's text as strict JSON (no duplicate keys, core/strict-json.ts). Throws
 * `LEDGER_INVALID` naming `fileName:line`; never quotes the text.
 */
export function parseLedgerJson(text: string, fileName: string): unknown {
  const parsed = parseStrictJson(text);
  if ('value' in parsed) return parsed.value;
  const { line, message, cause } = parsed.error;
  throw new EnvguardError('LEDGER_INVALID', `${fileName}${line === undefined ? '' : `:${line}`}: ${message}`, { hint: restoreHint(fileName), ...(cause === undefined ? {} : { cause }) });
}

function restoreHint(fileName: string): string {
  return `resolve a merge by hand (\`git diff -- ${fileName}\`), or restore the committed version with \`git checkout HEAD -- ${fileName}\``;
}
