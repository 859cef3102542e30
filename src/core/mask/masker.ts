import { buildAutomaton } from './automaton.js';
import { MaskScanner } from './scanner.js';
import { isSensitiveName, shouldMaskValue, type SensitivityOptions } from './select.js';
import { valueForms } from './variants.js';

/** A variable offered for masking. `sensitive` overrides what its name says when given. */
export interface MaskableValue {
  name: string;
  value: string;
  sensitive?: boolean;
}

export interface MaskerOptions extends SensitivityOptions {
  /** What each hidden run of output becomes. */
  replacement?: string;
}

/** Replaces secret values (and their encoded forms) in text, in one pass over the bytes. */
export interface Masker {
  /** Masks a whole text at once. */
  mask(text: string): string;
  /** Masks a whole byte buffer at once. */
  maskBytes(data: Uint8Array): Buffer;
  /** A fresh incremental scanner for one stream (chunks may split a secret anywhere). */
  createScanner(): MaskScanner;
  /** Names of the variables whose values are masked (never the values). */
  readonly maskedNames: readonly string[];
  /** How many byte patterns are searched for (values times their encoded forms). */
  readonly patternCount: number;
  /** The longest pattern, in bytes: a stream holds back fewer bytes than this. */
  readonly maxPatternLength: number;
}

export const DEFAULT_REPLACEMENT = '****';

/**
 * Builds a masker for the given variables. Which values are masked is decided by
 * {@link shouldMaskValue}; each masked value is searched for in every form {@link valueForms}
 * lists. Building is linear in the total pattern length; masking is linear in the text.
 */
export function createMasker(values: readonly MaskableValue[], options: MaskerOptions = {}): Masker {
  const replacement = Buffer.from(options.replacement ?? DEFAULT_REPLACEMENT, 'utf8');
  const maskedNames: string[] = [];
  const patterns = new Map<string, Buffer>();
  for (const entry of values) {
    const sensitive = entry.sensitive ?? isSensitiveName(entry.name, options);
    if (!shouldMaskValue(entry.value, sensitive)) continue;
    maskedNames.push(entry.name);
    for (const form of valueForms(entry.value)) patterns.set(form, Buffer.from(form, 'utf8'));
  }
  const automaton = buildAutomaton([...patterns.values()]);
  const createScanner = () => new MaskScanner(automaton, replacement);
  const maskBytes = (data: Uint8Array): Buffer => {
    const scanner = createScanner();
    return Buffer.concat([...scanner.push(data), ...scanner.end()]);
  };
  return {
    mask: (text) => (patterns.size === 0 ? text : maskBytes(Buffer.from(text, 'utf8')).toString('utf8')),
    maskBytes,
    createScanner,
    maskedNames,
    patternCount: patterns.size,
    maxPatternLength: automaton.maxLength,
  };
}
