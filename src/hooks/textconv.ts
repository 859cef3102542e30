import type { OpsContext } from '../ops/context.js';
import { encryptedDiffView } from '../ops/encrypted-diff-view.js';

/** `envguard hook textconv <file>` (git's `diff.envguard.textconv`): the view on stdout. */
export function textconvHook(ctx: OpsContext, args: readonly string[]): number {
  process.stdout.write(encryptedDiffView(ctx, args[0] ?? ''));
  return 0;
}
