import { EnvguardError } from '../errors.js';

/**
 * A Kubernetes Secret manifest holding the key under `variable`, for `kubectl apply -f -`.
 * Values go in `data` (base64), so the YAML needs no quoting rules for the key itself.
 */
export function k8sSecretManifest(options: { name: string; namespace?: string; variable: string; keyText: string }): string {
  assertDnsName(options.name, '--name');
  if (options.namespace !== undefined) assertDnsName(options.namespace, '--namespace');
  const lines = ['apiVersion: v1', 'kind: Secret', 'metadata:', `  name: ${options.name}`];
  if (options.namespace !== undefined) lines.push(`  namespace: ${options.namespace}`);
  lines.push('  labels:', '    app.kubernetes.io/managed-by: envguard', 'type: Opaque', 'data:');
  lines.push(`  ${options.variable}: ${Buffer.from(options.keyText, 'utf8').toString('base64')}`);
  return `${lines.join('\n')}\n`;
}

/** RFC 1123 subdomain, as Kubernetes requires of object names and namespaces. */
function assertDnsName(value: string, flag: string): void {
  if (!/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(value)) {
    throw new EnvguardError('USAGE', `${flag} must be a lower-case DNS name (letters, digits, "-" and "."), at most 253 characters`, {
      hint: `e.g. ${flag} myapp-envguard`,
    });
  }
}
