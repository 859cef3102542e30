import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFindingLine } from '../../../src/core/scan/format-text.js';
import { isDefaultSkippedPath } from '../../../src/core/scan/default-skips.js';
import { createScanner } from '../../../src/core/scan/scanner.js';

/**
 * Real code with no secrets in it: every finding here would be a false alarm. The packages are
 * devDependencies, so the corpus is the exact installed version.
 */
const root = path.resolve(import.meta.dirname, '../../../node_modules');

function filesOf(pkg: string): string[] {
  const base = path.join(root, pkg);
  return readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !isDefaultSkippedPath(path.relative(base, file).split(path.sep).join('/')));
}

describe('no false alarms on real source', () => {
  const scanner = createScanner();
  for (const pkg of ['typescript', 'eslint', 'vitest']) {
    it(`finds nothing in ${pkg}`, () => {
      const findings = filesOf(pkg).flatMap((file) => {
        const buffer = readFileSync(file);
        if (buffer.subarray(0, 8000).includes(0)) return [];
        return scanner.scan({ file: path.relative(root, file), text: buffer.toString('utf8') });
      });
      expect(findings.map(formatFindingLine)).toEqual([]);
    });
  }
});
