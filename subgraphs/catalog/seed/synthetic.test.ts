import { describe, expect, it } from 'vitest';
import { dataHolderRecord, datasetRecord, type DatasetRecordInput } from '../model/dataset-record.js';
import { syntheticDataHolders, syntheticDatasets } from './synthetic.js';

const DATASETS = 2_000;
const HOLDERS = 50;
const SEED = 42;

const datasets: DatasetRecordInput[] = [...syntheticDatasets({ datasets: DATASETS, holders: HOLDERS, seed: SEED })];
const holders = syntheticDataHolders({ count: HOLDERS, seed: SEED });

/** Title, keywords and description in both languages. */
function textOf(d: DatasetRecordInput): string {
  return [d.title.fr, d.title.en, ...(d.keywords?.fr ?? []), ...(d.keywords?.en ?? []), d.description.fr, d.description.en].join(' ');
}

/** A whole word (letters of any alphabet around it do not count), case-insensitive. */
function hasWord(text: string, word: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

function share(predicate: (d: DatasetRecordInput) => boolean): number {
  return datasets.filter(predicate).length / datasets.length;
}

describe('syntheticDataHolders', () => {
  it('generates the requested number of valid holders with unique ids and names', () => {
    expect(holders).toHaveLength(HOLDERS);
    for (const holder of holders) {
      const result = dataHolderRecord.safeParse(holder);
      expect(result.success, `${holder.id}: ${result.error?.message}`).toBe(true);
    }
    expect(new Set(holders.map((h) => h.id)).size).toBe(HOLDERS);
    expect(new Set(holders.map((h) => h.name)).size).toBe(HOLDERS);
    expect(holders.map((h) => h.id)).toContain('syn-holder-1');
    expect(holders.map((h) => h.id)).toContain(`syn-holder-${HOLDERS}`);
  });

  it('makes about 5% of holders access bodies', () => {
    const accessBodies = syntheticDataHolders({ count: 200, seed: SEED }).filter((h) => h.isAccessBody);
    expect(accessBodies).toHaveLength(10);
    expect(holders.filter((h) => h.isAccessBody).length).toBeGreaterThan(0);
  });

  it('is deterministic for a seed and differs for another one', () => {
    expect(syntheticDataHolders({ count: HOLDERS, seed: SEED })).toEqual(holders);
    expect(syntheticDataHolders({ count: HOLDERS, seed: SEED + 1 })).not.toEqual(holders);
  });
});

describe('syntheticDatasets', () => {
  it('yields the requested number of records, each valid', () => {
    expect(datasets).toHaveLength(DATASETS);
    for (const dataset of datasets) {
      const result = datasetRecord.safeParse(dataset);
      expect(result.success, `${dataset.id}: ${result.error?.message}`).toBe(true);
    }
  });

  it('gives unique ids syn-1 ... syn-N', () => {
    const ids = datasets.map((d) => d.id);
    expect(new Set(ids).size).toBe(DATASETS);
    expect(ids[0]).toBe('syn-1');
    expect(ids[DATASETS - 1]).toBe(`syn-${DATASETS}`);
  });

  it('refers only to generated holders, and only to access bodies as accessBody', () => {
    const byId = new Map(holders.map((h) => [h.id, h]));
    let custodians = 0;
    let accessBodies = 0;
    for (const d of datasets) {
      expect(byId.has(d.publisher), `${d.id} publisher ${d.publisher}`).toBe(true);
      if (d.custodian !== undefined) {
        custodians++;
        expect(byId.has(d.custodian), `${d.id} custodian ${d.custodian}`).toBe(true);
      }
      if (d.accessBody !== undefined) {
        accessBodies++;
        expect(byId.get(d.accessBody)?.isAccessBody, `${d.id} accessBody ${d.accessBody}`).toBe(true);
      }
    }
    expect(custodians).toBeGreaterThan(0);
    expect(accessBodies).toBeGreaterThan(0);
  });

  it('is deterministic for a seed and differs for another one', () => {
    const again = [...syntheticDatasets({ datasets: DATASETS, holders: HOLDERS, seed: SEED })];
    expect(again).toEqual(datasets);
    const other = [...syntheticDatasets({ datasets: 50, holders: HOLDERS, seed: SEED + 1 })];
    expect(other).not.toEqual(datasets.slice(0, 50));
    expect(other.filter((d, i) => d.title.fr === datasets[i]?.title.fr).length).toBeLessThan(10);
  });

  it('gives dataset n the same content whatever the number of datasets asked for', () => {
    const first = [...syntheticDatasets({ datasets: 10, holders: HOLDERS, seed: SEED })];
    expect(first).toEqual(datasets.slice(0, 10));
  });

  it('generates lazily', () => {
    const iterator = syntheticDatasets({ datasets: 10_000_000, holders: HOLDERS, seed: SEED });
    const started = performance.now();
    const head: DatasetRecordInput[] = [];
    for (const d of iterator) {
      head.push(d);
      if (head.length === 3) break;
    }
    expect(head.map((d) => d.id)).toEqual(['syn-1', 'syn-2', 'syn-3']);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('mentions cancer in 2% to 15% of datasets', () => {
    const cancer = share((d) => hasWord(textOf(d), 'cancers?'));
    expect(cancer).toBeGreaterThanOrEqual(0.02);
    expect(cancer).toBeLessThanOrEqual(0.15);
  });

  it('mentions santé or health in more than half of the datasets', () => {
    expect(share((d) => hasWord(textOf(d), 'santé') || hasWord(textOf(d), 'health'))).toBeGreaterThan(0.5);
  });

  it('has bilingual descriptions of 300 to 700 characters and 3 to 8 keywords per language', () => {
    for (const d of datasets) {
      for (const text of [d.description.fr, d.description.en]) {
        expect(text?.length ?? 0).toBeGreaterThanOrEqual(300);
        expect(text?.length ?? 0).toBeLessThanOrEqual(700);
      }
      for (const keywords of [d.keywords?.fr ?? [], d.keywords?.en ?? []]) {
        expect(keywords.length).toBeGreaterThanOrEqual(3);
        expect(keywords.length).toBeLessThanOrEqual(8);
      }
    }
  });

  it('spreads facets like a real catalogue', () => {
    expect(datasets.every((d) => d.themes.includes('HEAL'))).toBe(true);
    expect(datasets.every((d) => d.healthCategories.length >= 1 && d.healthCategories.length <= 3)).toBe(true);
    expect(datasets.every((d) => d.spatial.length === 1)).toBe(true);
    const france = share((d) => d.spatial[0] === 'FRA');
    expect(france).toBeGreaterThan(0.33);
    expect(france).toBeLessThan(0.47);
    const open = share((d) => d.accessRights === 'PUBLIC');
    expect(open).toBeGreaterThan(0.08);
    expect(open).toBeLessThan(0.22);
    const temporal = share((d) => d.temporal !== undefined);
    expect(temporal).toBeGreaterThan(0.7);
    expect(temporal).toBeLessThan(0.9);
    for (const d of datasets) {
      if (d.temporal?.start !== undefined && d.temporal.end !== undefined) expect(d.temporal.end >= d.temporal.start).toBe(true);
      if (d.issued !== undefined && d.modified !== undefined) expect(d.modified >= d.issued).toBe(true);
    }
  });

  it('rejects invalid options', () => {
    expect(() => [...syntheticDatasets({ datasets: -1 })]).toThrow(RangeError);
    expect(() => [...syntheticDatasets({ datasets: 1, holders: 0 })]).toThrow(RangeError);
    expect(() => syntheticDataHolders({ count: 1.5 })).toThrow(RangeError);
  });
});
