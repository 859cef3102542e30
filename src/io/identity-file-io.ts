import { chmodSync, readFileSync, statSync } from 'node:fs';
import { EnvguardError } from '../errors.js';
import { parseIdentities, type AgeIdentity } from '../core/age/index.js';

/**
 * Reads identities from a file (an age identity file or an OpenSSH private key). A file others
 * can read is an identity others may have copied: warn and tighten it to 0600 (as ssh refuses
 * such keys, but a hook that refused would strand the checkout). Errors name the path only.
 */
export function readIdentityFile(file: string, warn: (message: string) => void): AgeIdentity[] {
  let mode: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new EnvguardError('USAGE', `identity ${file} is not a regular file`, { hint: 'point ENVGUARD_IDENTITY_FILE at an age identity file or an ssh-ed25519 private key' });
    mode = stat.mode & 0o777;
  } catch (error) {
    if (error instanceof EnvguardError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new EnvguardError('NOT_FOUND', `identity file ${file} does not exist`, { hint: 'fix ENVGUARD_IDENTITY_FILE, or unset it so envguard uses (and creates) its own identity' });
    throw new EnvguardError('IO_ERROR', `could not read identity file ${file} (${code ?? 'error'})`, { hint: 'check its permissions', cause: error });
  }
  // Windows reports 0666 for every file and has no such bits to fix.
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    warn(`identity ${file} was readable by others (mode ${mode.toString(8).padStart(4, '0')}); changed it to 0600`);
    try {
      chmodSync(file, 0o600);
    } catch (error) {
      throw new EnvguardError('IO_ERROR', `identity ${file} is readable by others and its mode could not be fixed`, { hint: `run \`chmod 600 ${file}\``, cause: error });
    }
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new EnvguardError('IO_ERROR', `could not read identity file ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { hint: 'check its permissions', cause: error });
  }
  return parseIdentities(text, file);
}
