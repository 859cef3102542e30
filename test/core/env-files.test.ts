import { describe, expect, it } from 'vitest';
import { isPlaintextEnvFile } from '../../src/core/env-files.js';

describe('isPlaintextEnvFile', () => {
  it.each(['.env', '.env.local', '.env.production', 'services/api/.env', '.env~', '.env-old', '.env-backup-2024', '.env.bak', '.env.swp', '.env.production~'])('%s holds plaintext', (file) => {
    expect(isPlaintextEnvFile(file)).toBe(true);
  });

  it.each(['.env.encrypted', '.env.ledger.json', '.env.example', '.env-example', '.env.sample', '.env.template', 'app.env.js', '.envrc', 'env.ts'])('%s does not', (file) => {
    expect(isPlaintextEnvFile(file)).toBe(false);
  });
});
