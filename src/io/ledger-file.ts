import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EnvguardError } from '../errors.js';
import { verifyLedger, type Ledger } from '../core/ledger/index.js';
import { parseLedgerJson } from '../core/ledger/ledger-json.js';
import { writeFileAtomic } from './atomic-write.js';

/**
 * Reading and writing `<envfile>.ledger.json` at the top of the working tree: `.env.ledger.json`
 * for environment `default`, `.env.production.ledger.json` for `production` (DESIGN.md).
 */

const LEDGER_NAME = /^\.env(?:\.(.+))?\.ledger\.json$/;

/** The ledger's file name for an environment. */
export function ledgerFileName(environment: string): string {
  return environment === 'default' ? '.env.ledger.json' : `.env.${environment}.ledger.json`;
}

/** Absolute path of an environment's ledger under the repository top. */
export function ledgerPath(root: string, environment: string): string {
  return path.join(root, ledgerFileName(environment));
}

/** The environments that have a ledger at the repository top, sorted, `default` first. */
export function findLedgerEnvironments(root: string): string[] {
  const environments: string[] = [];
  for (const name of readdirSync(root)) {
    const match = LEDGER_NAME.exec(name);
    if (match) environments.push(match[1] ?? 'default');
  }
  return environments.sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
}

/**
 * Parses a ledger file without judging it (verification reports what is wrong in detail).
 * A missing file or one that is not JSON is a clear error naming the file.
 */
export function readLedgerJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new EnvguardError('NOT_FOUND', `${path.basename(file)} does not exist`, { hint: 'run `envguard init` to create the key and its ledger', cause: error });
    }
    throw new EnvguardError('IO_ERROR', `could not read ${path.basename(file)}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { cause: error });
  }
  const name = path.basename(file);
  const marker = /^(<{7}|={7}|>{7})(?: |$)/m.exec(text);
  if (marker) {
    throw new EnvguardError('LEDGER_INVALID', `${name} is not valid JSON (git conflict markers at line ${text.slice(0, marker.index).split('\n').length})`, {
      hint: `resolve the merge by hand (\`git diff -- ${name}\`), or restore the committed version with \`git checkout HEAD -- ${name}\``,
    });
  }
  if (text.trim() === '') {
    throw new EnvguardError('LEDGER_INVALID', `${name} is not valid JSON (the file is empty)`, { hint: `restore the committed version with \`git checkout HEAD -- ${name}\`` });
  }
  // Strict: duplicate member names are refused, so no reader can see a different entry than the verifier.
  return parseLedgerJson(text, name);
}

/**
 * Reads a ledger and verifies it from genesis; a ledger that does not verify is refused with
 * its first problem (`envguard verify` lists them all).
 */
export function readVerifiedLedger(file: string): Ledger {
  const value = readLedgerJson(file);
  const report = verifyLedger(value, { file: path.basename(file) });
  const first = report.problems[0];
  if (first) {
    throw new EnvguardError('LEDGER_INVALID', `${path.basename(file)}: ${first.message}${report.problems.length > 1 ? ` (and ${report.problems.length - 1} more problem(s))` : ''}`, {
      hint: `see every problem with \`envguard verify\`; ${first.hint}`,
    });
  }
  return value as Ledger;
}

/** Writes a ledger atomically, pretty-printed so git diffs and merges work per line. */
export function writeLedger(file: string, ledger: Ledger): void {
  writeFileAtomic(file, `${JSON.stringify(ledger, null, 2)}\n`);
}
