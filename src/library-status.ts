import { defaultContext } from './ops/context.js';
import { projectStatus, type StatusResult } from './ops/status.js';

export type { EnvironmentStatus, StatusResult } from './ops/status.js';

/**
 * What `envguard status --json` prints, for apps that alert on rotation: per environment the key
 * id, creation, last rotation, next due date, days left, `overdue`, ledger validity and whether
 * this machine has the current key. Reads no secret. Throws `EnvguardError` outside a git
 * repository or when the project has no ledger.
 */
export function status(options: { cwd?: string } = {}): StatusResult {
  return projectStatus(defaultContext(options.cwd === undefined ? {} : { cwd: options.cwd }));
}
