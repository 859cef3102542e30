import { describe, expect, it } from 'vitest';
import { createScanner } from '../../../src/core/scan/scanner.js';
import { ALNUM, fake, reseed } from './synthetic.js';

// `smallInput` (the pre-commit scan of a few kilobytes) builds the automata with fewer dense
// rows: the speed changes, never what is found.
describe('scanner smallInput', () => {
  reseed(14);
  const values = Array.from({ length: 40 }, (_, i) => ({ name: `SECRET_${i}`, file: '.env', value: `${fake(ALNUM, 12)}${i}` }));
  const github = `ghp_${fake(ALNUM, 36)}`;
  const text = [
    `password = "${fake(ALNUM, 24)}"`,
    `token: ${github}`,
    `config: ${values[3]?.value}`,
    `encoded: ${Buffer.from(values[17]?.value ?? '').toString('base64')}`,
    `url: https://x/?a=${encodeURIComponent(values[39]?.value ?? '')}`,
    'nothing here',
  ].join('\n');

  it('finds the same known values and generic secrets either way', () => {
    const full = createScanner({ knownValues: values }).scan({ file: 'app/config.yaml', text });
    const small = createScanner({ knownValues: values, smallInput: true }).scan({ file: 'app/config.yaml', text });
    expect(full.map((finding) => finding.ruleId)).toEqual(expect.arrayContaining(['known-value', 'generic-secret']));
    expect(full.filter((finding) => finding.ruleId === 'known-value')).toHaveLength(3);
    expect(small).toEqual(full);
  });
});
