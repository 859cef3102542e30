/** Masking secret values in output: pick the values, build one automaton, mask texts or streams. */
export { createMasker, DEFAULT_REPLACEMENT, type Masker, type MaskableValue, type MaskerOptions } from './masker.js';
export { MaskingTransform, createMaskingStream } from './masking-stream.js';
export { maskMode, MIN_ANYWHERE_LENGTH, type MaskMode } from './select.js';
export { isSensitiveName, isSecretVariable, type SensitivityPolicy, type SensitivityPolicy as SensitivityOptions } from '../sensitivity.js';
export { secretForms } from '../secret-forms.js';
