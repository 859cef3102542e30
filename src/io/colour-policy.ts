/**
 * Whether to colour what goes to a stream, the one policy for the CLI and the hooks: `NO_COLOR`
 * (any non-empty value) turns colour off, `FORCE_COLOR` turns it on (`0`/`false` off), otherwise
 * colour only on a terminal that is not `TERM=dumb`.
 */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}
