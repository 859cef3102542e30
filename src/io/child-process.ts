import type * as ChildProcess from 'node:child_process';

/**
 * `node:child_process`, loaded on first use. Loading it loads `net`, `dgram` and their streams,
 * ~10M instructions (an eighth of `node -e 0`), which a hook that spawns nothing never needs: a
 * post-checkout that only decrypts (issue 14, bench/hook.mjs). Every spawn on the hook path (git) gets
 * the module here; `process.getBuiltinModule` is Node >= 20.16, `require` the fallback of the bundles
 * (CommonJS, and the ES module library's banner defines one).
 */
let loaded: typeof ChildProcess | undefined;

/** The module (loaded once). */
export function childProcess(): typeof ChildProcess {
  if (loaded === undefined) {
    // Node 20.0-20.15 have no getBuiltinModule; there the bundles' own `require` is the only synchronous way in.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = typeof process.getBuiltinModule === 'function' ? process.getBuiltinModule('node:child_process') : (require('node:child_process') as typeof ChildProcess);
  }
  return loaded;
}
