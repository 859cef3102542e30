import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/io/config.js';
import { CONFIG_SCHEMA_REF, ensureConfigFile } from '../../src/ops/init/config-file.js';

const root = path.resolve(import.meta.dirname, '../..');
const schema = JSON.parse(readFileSync(path.join(root, 'templates/config.schema.json'), 'utf8')) as SchemaNode;
const reference = readFileSync(path.join(root, 'docs/configuration.md'), 'utf8');

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
}

/** Every setting's dotted name (`scan.ignorePaths`), so a new one cannot ship undocumented. */
function settingNames(node: SchemaNode, prefix = ''): string[] {
  return Object.entries(node.properties ?? {}).flatMap(([name, child]) => {
    const full = prefix + name;
    return child.properties ? settingNames(child, `${full}.`) : [full];
  });
}

describe('docs/configuration.md and the .envguard.json schema', () => {
  it('documents every setting the schema accepts', () => {
    const names = settingNames(schema);
    expect(names).toContain('scan.ignorePaths');
    for (const name of names) expect(reference, name).toContain(`\`${name}\``);
    for (const other of ['.envguardignore', 'envguard:allow']) expect(reference).toContain(other);
  });

  it('init writes a .envguard.json whose $schema points at the schema shipped in the package', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'envguard-config-'));
    try {
      expect(ensureConfigFile(dir)).toBe(true);
      expect(JSON.parse(readFileSync(path.join(dir, '.envguard.json'), 'utf8'))).toEqual({ $schema: CONFIG_SCHEMA_REF });
      // Accepted by envguard itself, and left alone the second time.
      expect(loadConfig(dir).rotationDays).toBe(90);
      expect(ensureConfigFile(dir)).toBe(false);
      // In an installed project the path is node_modules/envguard/<file shipped in "files">.
      const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { files: string[]; exports: Record<string, unknown> };
      const shipped = CONFIG_SCHEMA_REF.replace('./node_modules/envguard/', '');
      expect(manifest.files).toContain(shipped.split('/')[0]);
      expect(readFileSync(path.join(root, shipped), 'utf8')).toContain('"$id": "urn:envguard:config"');
      expect(manifest.exports['./config.schema.json']).toBe(`./${shipped}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
