import { fingerprint, parseKey, type FernetKey } from '../core/key.js';
import { runKeyCommand } from './key-command.js';
import { allStoredKeys, currentKeyPath, keyStoreHome, keyVariablesFor, missingKeyError, readStoredKey, retireKey, saveKey, type ResolvedKey } from './key-store.js';

/**
 * One place a key can come from (DESIGN.md, Keys). Sources are asked in order; a new one (an
 * access file this machine's identity opens) is one more entry in the list the ring is given.
 */
export interface KeySource {
  /** The current key of an environment, if this source has one. */
  current(envName: string): ResolvedKey | undefined;
  /** Every key this source holds for the environment, retired ones included; never runs a command. */
  known(envName: string): ResolvedKey[];
}

/**
 * The keys of one project as this machine sees them, looked up once per process and
 * environment: the current key, a key by fingerprint, every known key (to read old history),
 * and where each came from. Saving or retiring a key forgets what was looked up.
 */
export interface KeyRing {
  /** The project id from the ledger (keys the local store); undefined before `envguard init`. */
  projectId(envName: string): string | undefined;
  current(envName: string): ResolvedKey | undefined;
  /** Like `current`, but a missing key is a `KEY_MISSING` error that says how to get one. */
  require(envName: string): ResolvedKey;
  byFingerprint(envName: string, wanted: string): ResolvedKey | undefined;
  /** The current key first (when there is one), then every other key this machine holds. */
  known(envName: string): ResolvedKey[];
  /** Stores the current key of an environment (the replaced one is kept as retired). */
  save(envName: string, key: FernetKey, projectId?: string): string;
  retire(key: FernetKey, projectId?: string): string;
}

export interface KeyRingOptions {
  env: NodeJS.ProcessEnv;
  /** Where `keyCommand` runs (the project root). */
  root: () => string;
  keyCommand: () => string | undefined;
  projectId: (envName: string) => string | undefined;
  /** Sources in lookup order; default: variables, key store, keyCommand. */
  sources?: (ring: Pick<KeyRingOptions, 'env' | 'root' | 'keyCommand' | 'projectId'>) => KeySource[];
}

/** The lookup order of DESIGN.md: variables, then the key store, then `keyCommand`. */
export function defaultKeySources(options: Pick<KeyRingOptions, 'env' | 'root' | 'keyCommand' | 'projectId'>): KeySource[] {
  return [variableSource(options.env), keyStoreSource(options.env, options.projectId), keyCommandSource(options)];
}

export function createKeyRing(options: KeyRingOptions): KeyRing {
  const sources = (options.sources ?? defaultKeySources)(options);
  const currentMemo = new Map<string, ResolvedKey | undefined>();
  const knownMemo = new Map<string, ResolvedKey[]>();
  const ids = new Map<string, string>();
  const forget = () => {
    currentMemo.clear();
    knownMemo.clear();
  };
  const projectId = (envName: string) => {
    // Only a found id is remembered: `init` writes the ledger during the process.
    if (!ids.has(envName)) {
      const id = options.projectId(envName);
      if (id !== undefined) ids.set(envName, id);
    }
    return ids.get(envName);
  };
  const ring: KeyRing = {
    projectId,
    current(envName) {
      if (!currentMemo.has(envName)) {
        let found: ResolvedKey | undefined;
        for (const source of sources) {
          found = source.current(envName);
          if (found) break;
        }
        currentMemo.set(envName, found);
      }
      return currentMemo.get(envName);
    },
    require(envName) {
      const found = ring.current(envName);
      if (found) return found;
      throw missingKeyError(envName);
    },
    byFingerprint(envName, wanted) {
      return ring.known(envName).find((candidate) => fingerprint(candidate.key) === wanted);
    },
    known(envName) {
      if (!knownMemo.has(envName)) {
        const all = sources.flatMap((source) => source.known(envName));
        knownMemo.set(envName, all);
      }
      return knownMemo.get(envName) ?? [];
    },
    save(envName, key, id = projectId(envName)) {
      forget();
      return saveKey(options.env, required(id), envName, key);
    },
    retire(key, id = projectId('default')) {
      forget();
      return retireKey(options.env, required(id), key);
    },
  };
  return ring;
}

/** Every key the ring knows, current first, each once (for reading a file of any age). */
export function currentAndKnown(ring: KeyRing, envName: string): ResolvedKey[] {
  const current = safely(() => ring.current(envName));
  const all = [...(current ? [current] : []), ...safely(() => ring.known(envName), [])];
  const seen = new Set<string>();
  return all.filter((candidate) => {
    const id = fingerprint(candidate.key);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function variableSource(env: NodeJS.ProcessEnv): KeySource {
  const present = (envName: string) =>
    keyVariablesFor(envName).flatMap((variable) => {
      const text = env[variable];
      return text !== undefined && text.trim() !== '' ? [{ key: parseKey(text, variable), source: variable }] : [];
    });
  return { current: (envName) => present(envName)[0], known: present };
}

function keyStoreSource(env: NodeJS.ProcessEnv, projectId: (envName: string) => string | undefined): KeySource {
  return {
    current(envName) {
      const id = projectId(envName);
      if (id === undefined) return undefined;
      const key = readStoredKey(currentKeyPath(keyStoreHome(env), id, envName));
      return key ? { key, source: 'key store' } : undefined;
    },
    known(envName) {
      const id = projectId(envName);
      return id === undefined ? [] : allStoredKeys(env, id).map((key) => ({ key, source: 'key store' }));
    },
  };
}

function keyCommandSource(options: Pick<KeyRingOptions, 'env' | 'root' | 'keyCommand'>): KeySource {
  return {
    current(envName) {
      const command = options.keyCommand();
      if (!command) return undefined;
      const text = runKeyCommand(command, { cwd: options.root(), envName, env: options.env, home: keyStoreHome(options.env) });
      return { key: parseKey(text, 'the output of keyCommand'), source: 'keyCommand' };
    },
    // Running a command is asked for, never done on the side while looking for an old key.
    known: () => [],
  };
}

function required(projectId: string | undefined): string {
  if (projectId === undefined) throw new Error('no project id to store the key under');
  return projectId;
}

function safely<T>(run: () => T, fallback?: T): T {
  try {
    return run();
  } catch {
    return fallback as T;
  }
}
