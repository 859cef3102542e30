import path from 'node:path';
import { EnvguardError } from '../errors.js';

/**
 * Naming rules for env files (DESIGN.md, Keys): `.env` is environment `default`,
 * `.env.production` is `production`; each has `<file>.encrypted` and `<file>.ledger.json` beside it.
 */

const NOT_PLAINTEXT_SUFFIXES = ['.encrypted', '.ledger.json', '.example', '.sample', '.template', '.incoming', '.dist'];

/** The environment name of a plaintext env file path (`.env.production` → `production`). */
export function envNameOf(envPath: string): string {
  const base = path.basename(envPath);
  if (base === '.env') return 'default';
  if (base.startsWith('.env.')) return base.slice('.env.'.length);
  // Any other name (`config/app.env`, as the Python tool's --env-path allowed) uses the default key.
  return 'default';
}

const ENV_NAME = /^[A-Za-z0-9][\w-]*(\.[\w-]+)*$/;

/** Refuses a name that is not an environment name (a path, say): it becomes part of file names. */
export function checkEnvName(envName: string): void {
  if (!ENV_NAME.test(envName)) {
    throw new EnvguardError('USAGE', 'an environment name is letters, digits, "_", "-" and inner dots, e.g. staging', { hint: 'list them with `envguard ls`' });
  }
}

/** The plaintext file name for an environment name (`production` → `.env.production`). */
export function envFileFor(envName: string): string {
  return envName === 'default' ? '.env' : `.env.${envName}`;
}

export function encryptedPathFor(envPath: string): string {
  return `${envPath}.encrypted`;
}

export function ledgerPathFor(envPath: string): string {
  return `${envPath}.ledger.json`;
}

/** Where the checkout hooks and pre-commit put an incoming version they could not merge into a locally edited file. */
export function incomingPathFor(envPath: string): string {
  return `${envPath}.incoming`;
}

/** The `--env` flag that names an environment in a suggested command (`''` for the default). */
export function envFlag(envName: string): string {
  return envName === 'default' ? '' : ` --env ${envName}`;
}

/** The plaintext path an encrypted file decrypts to (`.env.encrypted` → `.env`). */
export function plaintextPathFor(encryptedPath: string): string {
  return encryptedPath.replace(/\.encrypted$/, '');
}

/** Example files written with a dash (`.env-example`) are committed in clear like `.env.example`. */
const DASHED_EXAMPLES = ['.env-example', '.env-sample', '.env-template', '.env-dist'];

/**
 * True for a plaintext env file (`.env`, `.env.local`, `.env.production`) but not its
 * encrypted/ledger/example siblings. Editor backups and copies (`.env~`, `.env-old`, `.env.bak`,
 * `.env.swp`) count too: they hold the same secrets, often older ones.
 */
export function isPlaintextEnvFile(filePath: string): boolean {
  const base = path.basename(filePath);
  if (base === '.env~' || (base.startsWith('.env-') && !DASHED_EXAMPLES.includes(base))) return true;
  if (base !== '.env' && !base.startsWith('.env.')) return false;
  return !NOT_PLAINTEXT_SUFFIXES.some((suffix) => base.endsWith(suffix));
}

export function isEncryptedEnvFile(filePath: string): boolean {
  const base = path.basename(filePath);
  return (base === '.env.encrypted' || base.startsWith('.env.')) && base.endsWith('.encrypted');
}

/** The variable holding an environment's key: `ENVGUARD_KEY_<NAME>` upper-cased, `-` and `.` as `_`. */
export function keyVariableFor(envName: string): string {
  return `ENVGUARD_KEY_${envName.toUpperCase().replace(/[-.]/g, '_')}`;
}
