/**
 * What output shows in place of a secret: its length, never any of its characters. Even a few
 * leading characters narrow a short password down, and findings end up in CI logs and SARIF uploads.
 */
export function maskSecret(secret: string): string {
  return `hidden (${[...secret].length} characters)`;
}
