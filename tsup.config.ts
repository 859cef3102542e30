import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const define = { __ENVGUARD_VERSION__: JSON.stringify(version) };

// Two outputs: the CLI (fast start for git hooks: no module resolution across node_modules at
// run time; split into chunks loaded on demand) and the typed library entry.
export default defineConfig([
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    define,
    target: 'node20',
    bundle: true,
    noExternal: [/.*/],
    // Chunks: the hook fast path loads only the hook code (not commander, chalk or the ledger
    // validator), which measured about 8 ms of every hook run (bench/hook.mjs).
    splitting: false,
    // Chunks live in dist/chunks, emptied before each build so stale ones never reach the package
    // (the library build writes to dist/ at the same time, so dist/ itself is not cleaned).
    esbuildOptions(options) {
      options.chunkNames = 'chunks/[name]-[hash]';
    },
    sourcemap: false,
    clean: ['chunks'],
    minify: false,
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __envguardCreateRequire } from 'node:module';\nconst require = __envguardCreateRequire(import.meta.url);",
    },
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
