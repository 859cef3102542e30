import { byteString } from '../aho-corasick.js';
import { secretForms } from '../secret-forms.js';
import type { SensitivityPolicy } from '../sensitivity.js';
import { buildMaskTable, type MaskPattern } from './mask-table.js';
import { IncrementalMasker } from './incremental-masker.js';
import { maskMode } from './select.js';

/** A variable offered for masking. `sensitive` overrides what its name says when given. */
export interface MaskableValue {
  name: string;
  value: string;
  sensitive?: boolean;
}

export interface MaskerOptions extends SensitivityPolicy {
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
  createScanner(): IncrementalMasker;
  /** Names of the variables whose values are masked (never the values). */
  readonly maskedNames: readonly string[];
  /** How many byte patterns are searched for (values times their encoded forms). */
  readonly patternCount: number;
  /** The longest pattern, in bytes: a stream holds back fewer bytes than this. */
  readonly maxPatternLength: number;
}

export const DEFAULT_REPLACEMENT = '****';

/**
 * Builds a masker for the given variables. Which values are masked, and whether as whole words,
 * is {@link maskMode}'s decision; each masked value is searched for in every form
 * {@link secretForms} lists (the list the scan uses too). Building is linear in the total pattern
 * length; masking is linear in the text.
 */
export function createMasker(values: readonly MaskableValue[], options: MaskerOptions = {}): Masker {
  const replacement = Buffer.from(options.replacement ?? DEFAULT_REPLACEMENT, 'utf8');
  const maskedNames: string[] = [];
  const patterns: MaskPattern[] = [];
  for (const entry of values) {
    const mode = maskMode(entry.name, entry.value, entry.sensitive, options);
    if (mode === 'none') continue;
    maskedNames.push(entry.name);
    for (const form of secretForms(entry.value)) patterns.push({ text: byteString(form.text), wholeWord: mode === 'word' });
  }
  const table = buildMaskTable(patterns);
  const createScanner = () => new IncrementalMasker(table, replacement);
  const maskBytes = (data: Uint8Array): Buffer => {
    const scanner = createScanner();
    return Buffer.concat([...scanner.push(data), ...scanner.end()]);
  };
  return {
    mask: (text) => (patterns.length === 0 ? text : maskBytes(Buffer.from(text, 'utf8')).toString('utf8')),
    maskBytes,
    createScanner,
    maskedNames,
    patternCount: table.automaton.patterns.length,
    maxPatternLength: table.automaton.maxLength,
  };
}
