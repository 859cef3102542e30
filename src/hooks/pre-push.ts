import { refusalLines } from '../core/enforce/history-fix.js';
import { parsePrePushLines } from '../core/enforce/ref-updates.js';
import { commitExists } from '../io/git-range.js';
import { readStdinText } from '../io/read-stdin.js';
import { checkPush } from '../ops/check-push.js';
import type { OpsContext } from '../ops/context.js';
import { HOOK_MESSAGES } from './messages.js';
import type { HookIO } from './report.js';
import { reportRotationPolicy } from './rotation-policy-report.js';

/**
 * pre-push (githooks(5): `$1` remote name, `$2` URL, one ref line per pushed ref on stdin): the
 * rotation policy, then every pushed commit checked for plaintext env files, key files and secrets.
 */
export async function prePushHook(ctx: OpsContext, io: HookIO, args: readonly string[], input: () => Promise<string> = () => readStdinText()): Promise<number> {
  const policy = reportRotationPolicy(ctx, io);
  const updates = parsePrePushLines(await input());
  const result = await checkPush(ctx, args[0] ?? 'origin', updates);
  if (result.findings.length === 0) return policy;
  const oldest = result.findings[result.findings.length - 1]?.commit as string;
  for (const line of refusalLines(result.findings, { sha: oldest, isRoot: !commitExists(ctx.git, `${oldest}^`) })) io.error(line);
  io.error(HOOK_MESSAGES.pushRefused(result.findings.length, result.commits));
  return 1;
}
