import { EnvguardError } from '../errors.js';

/**
 * The key bundle `envguard key export --all` prints and `envguard key import` reads: every
 * environment's key of one project, so a new machine gets them all in one paste.
 *
 *     {
 *       "format": "envguard-key-bundle",
 *       "version": 1,
 *       "projectId": "<the ledger's projectId>",
 *       "keys": { "default": "<Fernet key>", "staging": "<Fernet key>" }
 *     }
 *
 * It holds secrets: handle it like a key. The project id lets import refuse a bundle made for
 * another project instead of storing keys that fit nothing here.
 */
export interface KeyBundle {
  format: 'envguard-key-bundle';
  version: 1;
  projectId: string;
  keys: Record<string, string>;
}

export const KEY_BUNDLE_FORMAT = 'envguard-key-bundle';

export function formatKeyBundle(projectId: string, keys: Record<string, string>): string {
  const bundle: KeyBundle = { format: KEY_BUNDLE_FORMAT, version: 1, projectId, keys };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/** True when pasted text looks like a bundle rather than one key (a key never starts with `{`). */
export function looksLikeKeyBundle(text: string): boolean {
  return text.trimStart().startsWith('{');
}

/** Parses a bundle; errors say what was expected, never echo the text (it holds keys). */
export function parseKeyBundle(text: string): KeyBundle {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw invalid('it is not valid JSON');
  }
  if (typeof data !== 'object' || data === null) throw invalid('expected a JSON object');
  const bundle = data as Partial<KeyBundle>;
  if (bundle.format !== KEY_BUNDLE_FORMAT) throw invalid(`expected "format": "${KEY_BUNDLE_FORMAT}"`);
  if (bundle.version !== 1) throw invalid('expected "version": 1 (a newer envguard wrote it: upgrade this one)');
  if (typeof bundle.projectId !== 'string' || bundle.projectId === '') throw invalid('expected a "projectId" string');
  const keys = bundle.keys;
  if (typeof keys !== 'object' || keys === null || Array.isArray(keys) || Object.keys(keys).length === 0) throw invalid('expected "keys": { "<environment>": "<key>", … }');
  for (const [envName, key] of Object.entries(keys)) {
    if (!/^[A-Za-z0-9][\w-]*(\.[\w-]+)*$/.test(envName) || typeof key !== 'string') throw invalid('every entry of "keys" is an environment name and a key string');
  }
  return { format: KEY_BUNDLE_FORMAT, version: 1, projectId: bundle.projectId, keys: keys as Record<string, string> };
}

function invalid(detail: string): EnvguardError {
  return new EnvguardError('KEY_INVALID', `the key bundle is not valid: ${detail}`, { hint: 'copy the whole output of `envguard key export --all` again' });
}
