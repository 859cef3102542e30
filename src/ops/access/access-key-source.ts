import { envFileFor } from '../../core/env-files.js';
import { shortKeyId } from '../../core/key.js';
import { defaultKeySources, type KeyRingOptions, type KeySource } from '../../io/key-ring.js';
import { readTextIfExists } from '../../io/read-file.js';
import path from 'node:path';
import type { Logger } from '../context.js';
import { hasAccessDir } from './env-grants.js';
import { keyFromAccessFiles } from './key-from-access-files.js';

type SourceOptions = Pick<KeyRingOptions, 'env' | 'root' | 'keyCommand' | 'projectId'>;

/**
 * The key ring's sources with per-person access (DESIGN.md, Keys): variables, the key store,
 * then an access file this machine's identity opens, then `keyCommand`. A store key the
 * encrypted file is no longer under (a teammate rotated, or revoked someone) yields to the
 * access file's key when that one is the file's. Both cost one `existsSync` in a project
 * without access files: no age code runs then.
 */
export function accessKeySources(options: SourceOptions, log: Logger): KeySource[] {
  const [variables, store, command] = defaultKeySources(options) as [KeySource, KeySource, KeySource];
  const fromAccess = (envName: string) => keyFromAccessFiles({ root: options.root(), envName, env: options.env, warn: (message) => log.warn(message) });
  const access: KeySource = { current: fromAccess, known: () => [] };
  const freshStore: KeySource = {
    current(envName) {
      const stored = store.current(envName);
      if (!stored || !hasAccessDir(options.root(), envName)) return stored;
      const header = /^# envguard:v\d+ key=([0-9a-f]{16})/.exec(readTextIfExists(path.join(options.root(), `${envFileFor(envName)}.encrypted`))?.slice(0, 200) ?? '');
      if (!header || header[1] === shortKeyId(stored.key)) return stored;
      const fresh = fromAccess(envName);
      return fresh && shortKeyId(fresh.key) === header[1] ? fresh : stored;
    },
    known: (envName) => store.known(envName),
  };
  return [variables, freshStore, access, command];
}
