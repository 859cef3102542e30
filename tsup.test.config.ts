import { defineConfig, type Options } from 'tsup';
import release from './tsup.config.js';

/**
 * The CLI bundle the rotation crash tests run (`dist-test/cli.cjs`, never published): the release
 * CLI's options with the fault-injection hooks of src/io/test-crash.ts compiled in.
 */
const [cli] = release as Options[];

export default defineConfig({
  ...cli,
  outDir: 'dist-test',
  define: { ...(cli?.define ?? {}), __ENVGUARD_TEST_HOOKS__: 'true' },
});
