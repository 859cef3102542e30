import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
// The fault-injection hooks of src/io/test-crash.ts are compiled out here; tsup.test.config.ts keeps them.
const define = { __ENVGUARD_VERSION__: JSON.stringify(version), __ENVGUARD_TEST_HOOKS__: 'false' };

/** Resolves the preload's `./index.js` to the built library beside it (`index.js` or `index.cjs`). */
const libraryAsExternal = {
  name: 'envguard-library-external',
  setup(build: { initialOptions: { format?: string }; onResolve(options: { filter: RegExp }, callback: (args: { importer: string }) => { path: string; external: boolean } | undefined): void }) {
    const file = build.initialOptions.format === 'cjs' ? './index.cjs' : './index.js';
    build.onResolve({ filter: /^\.\/index\.js$/ }, (args) => (args.importer.endsWith('config-preload.ts') ? { path: file, external: true } : undefined));
  },
};

// Two outputs: the CLI, CommonJS files (fast start for git hooks: no module resolution across
// node_modules at run time) and the typed ES module library entry.
export default defineConfig([
  {
    // cli.cjs is the bin, a launcher that starts hook.cjs for `envguard hook …` (only what hooks
    // use) or main.cjs (the command line), each through a V8 code cache (src/io/code-cache.ts).
    // Separate bundles because a hook must not parse or run commander, ajv or the command tree.
    entry: { cli: 'src/cli/launcher.ts', main: 'src/cli/main.ts', hook: 'src/hooks/main.ts' },
    // CommonJS, one file: Node's CommonJS loader starts this bundle about 6 ms faster than its ES
    // module loader does (no module jobs, no facades over built-ins), measured by bench/hook.mjs.
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    shims: true,
    platform: 'node',
    define,
    target: 'node20',
    bundle: true,
    noExternal: [/.*/],
    splitting: false,
    sourcemap: false,
    clean: false,
    minify: false,
    banner: { js: '#!/usr/bin/env node' },
    // Non-ASCII characters escaped: one "…" made V8 hold the whole 500 KB source as a two-byte
    // string, decoded the slow way on every start (~10M instructions, bench/hook.mjs).
    esbuildOptions(options) {
      options.charset = 'ascii';
    },
  },
  {
    // The library in both module systems (`import` and `require('envguard')`), and the
    // ES module build gets a `require` for bundled CommonJS code.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    // Everything is bundled: the published package has no runtime dependencies to install or audit.
    noExternal: [/.*/],
    shims: true,
    banner: ({ format }) => (format === 'esm' ? { js: "import { createRequire as __envguardCreateRequire } from 'node:module';\nconst require = __envguardCreateRequire(import.meta.url);" } : {}),
    platform: 'node',
    define,
    target: 'node20',
    dts: true,
    splitting: false,
    clean: false,
  },
  {
    // `envguard/config` (a preload, like dotenv/config) calls the library's own build rather than a
    // bundled copy, so the values it loads are the ones the app's `mask()` hides.
    entry: { config: 'src/config-preload.ts' },
    format: ['esm', 'cjs'],
    esbuildPlugins: [libraryAsExternal],
    platform: 'node',
    target: 'node20',
    dts: true,
    splitting: false,
    clean: false,
  },
]);
