import { spawnSync } from 'node:child_process';

/**
 * Opens `file` in the user's editor and waits: `$VISUAL`, then `$EDITOR`, then `vi`, run through
 * the shell as git runs its editor, so values such as `code --wait` work. Returns its exit status.
 */
export function runEditor(file: string, env: NodeJS.ProcessEnv): number {
  const editor = env.VISUAL || env.EDITOR || 'vi';
  const result = spawnSync('sh', ['-c', `${editor} "$@"`, editor, file], { stdio: 'inherit', env });
  if (result.error) return 127;
  return result.status ?? 128;
}
