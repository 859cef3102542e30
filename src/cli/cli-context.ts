import { defaultContext, type OpsContext } from '../ops/context.js';
import type { Output } from './output.js';

/**
 * The one context a CLI action hands to use cases: the real clock, randomness and environment.
 * `.envguard.json` is read and validated here, so a malformed file is the same error in every command.
 */
export function cliContext(output: Output, options: { verbose?: boolean } = {}): OpsContext {
  const ctx = defaultContext({ log: output.logger(options) });
  void ctx.config;
  return ctx;
}
