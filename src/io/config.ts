import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EnvguardError } from '../errors.js';
import validateConfig from '../generated/validate-config.js';

/** `.envguard.json`, validated against templates/config.schema.json (compiled at build time). */
export interface EnvguardConfig {
  keyCommand?: string;
  rotationDays: number;
  overdue: 'off' | 'warn' | 'block';
  sensitiveNames: string[];
  publicNames: string[];
  scan: { ignorePaths: string[]; knownValues: boolean };
  decrypt: { onCheckout: boolean };
}

export const CONFIG_FILE = '.envguard.json';

const DEFAULTS: EnvguardConfig = {
  rotationDays: 90,
  overdue: 'warn',
  sensitiveNames: [],
  publicNames: [],
  scan: { ignorePaths: [], knownValues: true },
  decrypt: { onCheckout: true },
};

/** Reads `.envguard.json` from the project root; a missing file means the defaults. */
export function loadConfig(root: string): EnvguardConfig {
  const file = path.join(root, CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(DEFAULTS);
    throw new EnvguardError('IO_ERROR', `could not read ${CONFIG_FILE}`, { cause: error });
  }
  return parseConfig(text);
}

export function parseConfig(text: string): EnvguardConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new EnvguardError('CONFIG_INVALID', `${CONFIG_FILE} is not valid JSON (${(error as Error).message})`, {
      hint: `fix the syntax in ${CONFIG_FILE}`,
    });
  }
  if (!validateConfig(data)) {
    const first = validateConfig.errors?.[0];
    const where = first?.instancePath ? first.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
    const detail =
      first?.keyword === 'additionalProperties'
        ? `unknown field "${String((first.params as { additionalProperty: string }).additionalProperty)}"`
        : (first?.message ?? 'invalid');
    throw new EnvguardError('CONFIG_INVALID', `${CONFIG_FILE}: ${where}: ${detail}`, {
      hint: `edit ${CONFIG_FILE} (schema: templates/config.schema.json)`,
    });
  }
  const raw = data as Partial<EnvguardConfig>;
  return {
    ...structuredClone(DEFAULTS),
    ...raw,
    scan: { ...DEFAULTS.scan, ...raw.scan },
    decrypt: { ...DEFAULTS.decrypt, ...raw.decrypt },
  };
}
