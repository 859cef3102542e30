// Through the package's entry point (kept external at build time, see tsup.config.ts).
import { config, EnvguardError } from './index.js';

/**
 * `envguard/config`: loads `.env.encrypted` into `process.env` as a side effect of being loaded, as
 * `dotenv/config` does, for `node -r envguard/config app.js` and `import 'envguard/config'`.
 * Options come from the environment, since a preload takes no arguments:
 * `ENVGUARD_CONFIG_ENV` (environment name), `ENVGUARD_CONFIG_PATH` (encrypted file),
 * `ENVGUARD_CONFIG_OVERRIDE=true`, `ENVGUARD_CONFIG_REQUIRED=true`, `ENVGUARD_CONFIG_QUIET=true`.
 */
function preload(env: NodeJS.ProcessEnv): void {
  const flag = (name: string) => env[name] === 'true' || env[name] === '1';
  try {
    config({
      env: env.ENVGUARD_CONFIG_ENV || undefined,
      path: env.ENVGUARD_CONFIG_PATH || undefined,
      override: flag('ENVGUARD_CONFIG_OVERRIDE'),
      required: flag('ENVGUARD_CONFIG_REQUIRED'),
      quiet: flag('ENVGUARD_CONFIG_QUIET'),
    });
  } catch (error) {
    // An app that needs its secrets must not start without them, and a stack trace from a preload
    // helps nobody: one line with the fix, and the documented exit code.
    if (!(error instanceof EnvguardError)) throw error;
    process.stderr.write(`envguard/config: ${error.message}\n${error.hint ? `  fix: ${error.hint}\n` : ''}`);
    process.exit(error.exitCode);
  }
}

preload(process.env);
