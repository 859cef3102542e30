import { tokenTimestamp } from './fernet.js';
import { maskMode } from './mask/select.js';
import { isSensitiveName, type SensitivityPolicy } from './sensitivity.js';

/** One decrypted variable with the token it came from. */
export interface VariableSource {
  name: string;
  value: string;
  /** The Fernet token of its line (its timestamp is when the value was last encrypted). */
  token: string;
  /** 1-based line in the encrypted file. */
  line: number;
}

/** What `envguard show` says about a variable. Holds the value only when it is safe to print. */
export interface VariableInfo {
  name: string;
  line: number;
  /** The name marks it as sensitive (a fragment such as KEY or TOKEN, or listed in `.envguard.json`). */
  sensitive: boolean;
  /** The value itself, only for values that are no secret and `envguard run` would not mask (ports, flags, levels). */
  value?: string;
  /** Length in characters. */
  length: number;
  /** When the value was last encrypted (ISO 8601), from its token; null when the token is unreadable. */
  updatedAt: string | null;
  ageSeconds: number | null;
}

/**
 * Describes variables for display without revealing secrets: a value is included only when it is
 * neither under a sensitive name nor something the masker would hide (the one sensitivity
 * module decides both), so `show` prints exactly what `run` lets through. Stable ciphertext keeps a token while its value is unchanged, so
 * the token's timestamp is the value's age.
 */
export function describeVariables(sources: readonly VariableSource[], nowSeconds: number, options: SensitivityPolicy = {}): VariableInfo[] {
  return sources.map(({ name, value, token, line }) => {
    const sensitive = isSensitiveName(name, options);
    const hidden = sensitive || maskMode(name, value, undefined, options) !== 'none';
    const timestamp = tokenTimestamp(token);
    return {
      name,
      line,
      sensitive,
      ...(hidden ? {} : { value }),
      length: [...value].length,
      updatedAt: timestamp === undefined ? null : new Date(timestamp * 1000).toISOString(),
      ageSeconds: timestamp === undefined ? null : Math.max(0, nowSeconds - timestamp),
    };
  });
}

/** A short human age: `just now`, `5m`, `3h`, `12d`, `8mo`, `2y`. */
export function formatAge(seconds: number): string {
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (days < 60) return `${days}d`;
  if (days < 730) return `${Math.floor(days / 30)}mo`;
  return `${Math.floor(days / 365)}y`;
}
