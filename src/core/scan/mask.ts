/**
 * The only trace of a secret in any output: its first four characters then `…` (fewer for a short
 * secret, so that a preview never shows a third or more of it).
 */
export function maskSecret(secret: string): string {
  const shown = Math.min(4, Math.floor(secret.length / 4));
  return `${secret.slice(0, shown)}…`;
}
