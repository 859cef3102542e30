declare const __ENVGUARD_VERSION__: string | undefined;

/** Injected at build time by tsup; the fallback serves tests run from source. */
export const VERSION: string = typeof __ENVGUARD_VERSION__ === 'string' ? __ENVGUARD_VERSION__ : '0.0.0-dev';
