import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const define = { __ENVGUARD_VERSION__: JSON.stringify(version) };

// Two outputs: the CLI, CommonJS files (fast start for git hooks: no module resolution across
// node_modules at run time) and the typed ES module library entry.
export default defineConfig([
  {
    // cli.cjs is the bin, a launcher that starts hook.cjs for `envguard hook …` (only what hooks
    // use) or main.cjs (the command line), each through a V8 code cache (src/cli/code-cache.ts).
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
  },
  {
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    // Everything is bundled: the published package has no runtime dependencies to install or audit.
    noExternal: [/.*/],
    banner: { js: "import { createRequire as __envguardCreateRequire } from 'node:module';\nconst require = __envguardCreateRequire(import.meta.url);" },
    platform: 'node',
    define,
    target: 'node20',
    dts: true,
    splitting: false,
    clean: false,
  },
]);
