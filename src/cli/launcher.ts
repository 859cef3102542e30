import path from 'node:path';
import { runBundle } from '../io/code-cache.js';
import { VERSION } from '../version.js';

/**
 * `dist/cli.cjs`, the `envguard` bin: starts the one bundle this run needs. Git hooks get
 * `dist/hook.cjs` (the hook entry and what it imports: no commander, no command tree, no help
 * text); everything else gets `dist/main.cjs`. Both start through a V8 code cache.
 *
 * Keep this file tiny and its imports to Node built-ins the hook loads anyway: every hook run
 * pays for it (bench/hook.mjs).
 */
const [first, second] = process.argv.slice(2);
if ((first === '--version' || first === '-v') && second === undefined) {
  // `envguard --version` alone is answered here, as commander would (main.ts), without starting a bundle.
  process.stdout.write(`${VERSION}\n`);
} else {
  const isHook = first === 'hook' && second !== undefined && !second.startsWith('-');
  // One code cache per hook and per command (see code-cache.ts).
  runBundle(path.join(__dirname, isHook ? 'hook.cjs' : 'main.cjs'), (isHook ? second : first) ?? 'other', require);
}
