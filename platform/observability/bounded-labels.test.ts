import { describe, expect, it } from 'vitest';
import { ANONYMOUS, BoundedLabels, OTHER } from './bounded-labels.js';

describe('BoundedLabels', () => {
  it('keeps the first names, then answers "other"', () => {
    const labels = new BoundedLabels(2);
    expect(labels.label('SearchDatasets')).toBe('SearchDatasets');
    expect(labels.label('GetDataset')).toBe('GetDataset');
    expect(labels.label('Third')).toBe(OTHER);
    // Names already seen keep their label.
    expect(labels.label('SearchDatasets')).toBe('SearchDatasets');
  });

  it('labels missing names "anonymous", without using up the limit', () => {
    const labels = new BoundedLabels(1);
    expect(labels.label(undefined)).toBe(ANONYMOUS);
    expect(labels.label(null)).toBe(ANONYMOUS);
    expect(labels.label('')).toBe(ANONYMOUS);
    expect(labels.label('Only')).toBe('Only');
  });

  it('cuts long names and replaces characters outside GraphQL names', () => {
    const labels = new BoundedLabels(10, 8);
    expect(labels.label('ABCDEFGHIJKL')).toBe('ABCDEFGH');
    expect(labels.label('a-b"c')).toBe('a_b_c');
  });
});
