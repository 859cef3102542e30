import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { fingerprint, formatKey, generateKey } from '../../core/key.js';
import { runAction } from '../run-command.js';

/** `envguard keygen`: prints a new Fernet key (asked for, so printing it is the point). */
export function keygenCommand(): Command {
  return new Command('keygen')
    .description('print a new random Fernet key (32 bytes, base64url)')
    .option('--json', 'print the key and its fingerprint as JSON')
    .action((options: { json?: boolean }) =>
      runAction((output) => {
        const key = generateKey(randomBytes);
        if (options.json) output.json({ key: formatKey(key), fingerprint: fingerprint(key) });
        else output.out(formatKey(key));
        return 0;
      }),
    );
}
