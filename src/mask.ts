import { createMasker, type Masker, type MaskableValue, type MaskerOptions } from './core/mask/index.js';

/**
 * The library's `mask(text)`: hides the values that `config()` loaded into this process, for apps
 * that want envguard's masking in their own logs. `config()` hands its values over with
 * {@link addMaskedValues}; nothing is masked before that.
 */
const loaded: MaskableValue[] = [];
let options: MaskerOptions = {};
let current: Masker | undefined;

/** Masks every loaded secret value (and its base64, URL-encoded and JSON-escaped forms) in `text`. */
export function mask(text: string): string {
  current ??= createMasker(loaded, options);
  return current.mask(text);
}

/**
 * Adds values for {@link mask} to hide; called by `config()` for each environment it loads.
 * `maskerOptions` (e.g. `sensitiveNames` from `.envguard.json`) replaces any given before.
 */
export function addMaskedValues(values: readonly MaskableValue[], maskerOptions?: MaskerOptions): void {
  loaded.push(...values.map(({ name, value, sensitive }) => ({ name, value, sensitive })));
  if (maskerOptions) options = maskerOptions;
  current = undefined;
}

/** Forgets every value given to {@link addMaskedValues} (tests, or an app that reloads its config). */
export function clearMaskedValues(): void {
  loaded.length = 0;
  options = {};
  current = undefined;
}

export { createMasker, createMaskingStream, MaskingTransform, isSensitiveName, type Masker, type MaskableValue, type MaskerOptions } from './core/mask/index.js';
