import { refusalLines } from '../core/enforce/history-fix.js';
import { parsePreReceiveLines } from '../core/enforce/ref-updates.js';
import { commitExists } from '../io/git-range.js';
import { readStdinText } from '../io/read-stdin.js';
import type { OpsContext } from '../ops/context.js';
import { checkReceive } from '../ops/check-receive.js';
import { HOOK_MESSAGES } from './messages.js';
import type { HookIO } from './report.js';

/**
 * `envguard hook pre-receive` on a git server. git runs it in the bare repository with the ref
 * lines on stdin, and shows the pusher what it prints; a non-zero exit rejects the whole push and
 * no ref moves. Needs no key and no working tree (it is dispatched before the working-tree setup).
 */
export async function preReceiveHook(ctx: OpsContext, io: HookIO, input: () => Promise<string> = () => readStdinText()): Promise<number> {
  const updates = parsePreReceiveLines(await input());
  const result = await checkReceive(ctx, updates);
  if (result.findings.length === 0) return 0;
  const oldest = result.findings[result.findings.length - 1]?.commit as string;
  for (const line of refusalLines(result.findings, { sha: oldest, isRoot: !commitExists(ctx.git, `${oldest}^`) })) io.error(line);
  io.error(HOOK_MESSAGES.pushRejected(result.findings.length, result.commits));
  return 1;
}
