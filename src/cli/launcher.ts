import path from 'node:path';
import { runBundle } from '../io/code-cache.js';

/**
 * `dist/cli.cjs`, the `envguard` bin: starts the one bundle this run needs. Git hooks get
 * `dist/hook.cjs` (the hook entry and what it imports: no commander, no command tree, no help
 * text); everything else gets `dist/main.cjs`. Both start through a V8 code cache.
 *
 * Keep this file tiny and its imports to Node built-ins the hook loads anyway: every hook run
 * pays for it (bench/hook.mjs).
 */
const isHook = process.argv[2] === 'hook' && process.argv[3] !== undefined && !process.argv[3].startsWith('-');
// One code cache per hook and per command (see code-cache.ts).
runBundle(path.join(__dirname, isHook ? 'hook.cjs' : 'main.cjs'), (isHook ? process.argv[3] : process.argv[2]) ?? 'other', require);
