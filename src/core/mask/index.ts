/** Masking secret values in output: pick the values, build one automaton, mask texts or streams. */
export { createMasker, DEFAULT_REPLACEMENT, type Masker, type MaskableValue, type MaskerOptions } from './masker.js';
export { MaskingTransform, createMaskingStream } from './stream.js';
export { isSensitiveName, shouldMaskValue, SENSITIVE_NAME_PARTS, MIN_SENSITIVE_LENGTH, MIN_PLAIN_LENGTH, type SensitivityOptions } from './select.js';
export { valueForms } from './variants.js';
