import { afterEach, describe, expect, it } from 'vitest';
import { addMaskedValues, clearMaskedValues, mask } from '../src/mask.js';

describe('library mask()', () => {
  afterEach(() => clearMaskedValues());

  it('masks nothing until config() hands over values, then masks them all', () => {
    expect(mask('token abcdefgh12345')).toBe('token abcdefgh12345');
    addMaskedValues([{ name: 'API_TOKEN', value: 'abcdefgh12345' }]);
    addMaskedValues([{ name: 'PIN', value: '4821' }], { sensitiveNames: ['PIN'] });
    expect(mask('token abcdefgh12345 pin 4821')).toBe('token **** pin ****');
    clearMaskedValues();
    expect(mask('token abcdefgh12345')).toBe('token abcdefgh12345');
  });
});
