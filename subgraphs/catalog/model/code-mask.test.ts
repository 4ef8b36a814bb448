import { describe, expect, it } from 'vitest';
import { countries } from '../vocabulary/countries.js';
import { healthCategories } from '../vocabulary/health-categories.js';
import { codesInMask, MAX_MASK_CODES, maskOf } from './code-mask.js';
import { codingSystems } from '../vocabulary/coding-systems.js';
import { dataThemes } from '../vocabulary/data-themes.js';
import { healthThemes } from '../vocabulary/health-themes.js';

describe('code masks', () => {
  it('round-trip codes, ignoring duplicates and unknown codes', () => {
    const mask = maskOf(countries, ['FRA', 'NOR', 'FRA', 'XXX']);
    expect(codesInMask(countries, mask)).toEqual(['FRA', 'NOR']);
  });

  it('keep the vocabulary order that stored masks depend on', () => {
    // Appending codes is safe; moving one changes stored masks and needs a re-index.
    expect(Object.keys(healthCategories).slice(0, 5)).toEqual(['EHRS', 'DIOH', 'NRPE', 'RPDG', 'HRAD']);
    expect(maskOf(healthCategories, ['HRAD'])).toBe(16);
  });

  it('fit every masked vocabulary', () => {
    for (const v of [countries, healthCategories, healthThemes, dataThemes, codingSystems]) {
      expect(Object.keys(v).length).toBeLessThanOrEqual(MAX_MASK_CODES);
    }
  });
});
