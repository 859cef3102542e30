import { exitQuietlyOnEpipe } from '../cli/stdio-errors.js';
import { silenceNodeDebug } from '../io/node-debug.js';
import { runHook } from './dispatch.js';

/**
 * The hook bundle's entry (`dist/hook.cjs`, started by the launcher for `envguard hook <name>`):
 * only the hooks and what they use are in it. Hooks write their lines to stderr's file
 * descriptor (io/stderr.ts) and never to stdout, except textconv, the only one that touches
 * process.stdout.
 */
// Before anything spawns: NODE_DEBUG=child_process would print each git spawn's environment (node-debug.ts).
silenceNodeDebug();
const name = process.argv[3];
if (name === 'textconv') exitQuietlyOnEpipe([process.stdout]);
void runHook(name, process.argv.slice(4)).then((code) => {
  process.exitCode = code;
});
