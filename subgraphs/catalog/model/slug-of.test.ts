import { describe, expect, it } from 'vitest';
import { slugOf } from './slug-of.js';

describe('slugOf', () => {
  it('makes catalogue slugs from identifiers and names', () => {
    expect(slugOf('EU-HDCA-R7-ONCOLOGY-EHRS-2024', 120)).toBe('eu-hdca-r7-oncology-ehrs-2024');
    expect(slugOf('Université de Tübingen (DZNE)', 60)).toBe('universite-de-tubingen-dzne');
    expect(slugOf('  --  ', 60)).toBe('');
  });

  it('cuts a long slug between words', () => {
    expect(slugOf('University of Tübingen - German Center for Neurodegenerative Diseases (DZNE)', 60)).toBe('university-of-tubingen-german-center-for-neurodegenerative');
    expect(slugOf('a'.repeat(80), 60)).toBe('a'.repeat(60));
  });
});
