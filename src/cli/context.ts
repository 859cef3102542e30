import { defaultContext, type OpsContext } from '../ops/context.js';
import type { Output } from './output.js';

/** The context a CLI action hands to use cases: the real clock, randomness and environment. */
export function cliContext(output: Output, options: { verbose?: boolean } = {}): OpsContext {
  return defaultContext({ log: output.logger(options) });
}
