import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-test/', 'node_modules/', 'src/generated/', 'coverage/', '.stryker-tmp*/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The pure core must not reach for side effects (STYLE.md): fs, processes and env live in src/io.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:fs', 'node:fs/*', 'node:child_process', 'fs', 'child_process'] }],
      'no-restricted-globals': ['error', 'process'],
    },
  },
  {
    // Use cases and the CLI/hook edges reach the file system and processes through src/io only
    // (STYLE.md: side effects live in src/io), with no exceptions.
    files: ['src/ops/**/*.ts', 'src/hooks/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:fs', 'node:fs/*', 'node:child_process', 'fs', 'child_process'] }],
    },
  },
  {
    // CommonJS scripts (a bench's floor runs as the hook does: CommonJS, no ES module loader).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
