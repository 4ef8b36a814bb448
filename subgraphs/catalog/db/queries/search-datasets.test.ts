import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../platform/db/database.js';
import { buildDataset } from '../../../../test/support/dataset-builder.js';
import { createTestDatabase } from '../../../../test/support/test-database.js';
import { searchDatasets, type SearchDatasetsParams } from './search-datasets.js';
import { insertMissingDatasets } from './write-catalog.js';

let database: Database;

// Invented words keep these tests independent of the demo catalogue's content.
const inTitle = buildDataset({ title: { fr: 'Registre zorbulique des naissances', en: 'Zorbulic birth registry' } });
const inKeywords = buildDataset({ keywords: { fr: ['zorbulique'], en: ['zorbulic'] } });
const inDescription = buildDataset({ description: { fr: 'Des données zorbuliques collectées chaque année.', en: 'Zorbulic data collected every year.' } });
const early = buildDataset({ title: { fr: 'Cohorte quimbrale', en: 'Quimbral cohort' }, temporal: { start: '1990-01-01', end: '1999-12-31' }, spatial: ['FIN'], healthCategories: ['RQSH'], codingSystems: ['ATC'] });
const late = buildDataset({ title: { fr: 'Cohorte quimbrale tardive', en: 'Late quimbral cohort' }, temporal: { start: '2015-01-01' }, spatial: ['FRA'], healthCategories: ['RQSH', 'EHRS'], codingSystems: ['ICD_10'] });
const undated = buildDataset({ title: { fr: 'Cohorte quimbrale sans dates', en: 'Undated quimbral cohort' }, accessRights: 'PUBLIC' });

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.transaction((tx) => insertMissingDatasets(tx, [inTitle, inKeywords, inDescription, early, late, undated]));
});

afterAll(async () => {
  await database?.close();
});

function search(params: Partial<SearchDatasetsParams>) {
  return searchDatasets(database.db, {
    filter: {},
    order: 'RELEVANCE',
    language: 'en',
    first: 20,
    withTotal: true,
    withFacets: true,
    ...params,
  });
}

describe('searchDatasets', () => {
  it('finds "cancer du sein" when asked for "cancers du sein" (plural, French)', async () => {
    const result = await search({ search: 'cancers du sein' });
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits.map((h) => h.id)).toContain('canto');
  });

  it('folds accents: "deces" finds datasets about "décès"', async () => {
    const result = await search({ search: 'deces' });
    expect(result.hits.map((h) => h.id)).toContain('cepidc-bcmd');
  });

  it('matches English words against English text and French words against French text', async () => {
    const english = await search({ search: 'causes of death' });
    expect(english.hits.map((h) => h.id)).toContain('cepidc-bcmd');
  });

  it('ranks a title match above a keyword match above a description match', async () => {
    const result = await search({ search: 'zorbulic' });
    expect(result.hits.map((h) => h.id)).toEqual([inTitle.id, inKeywords.id, inDescription.id]);
    expect(result.hits[0]?.score).toBeGreaterThan(result.hits[1]?.score ?? Infinity);
    expect(result.hits[1]?.score).toBeGreaterThan(result.hits[2]?.score ?? Infinity);
  });

  it('requires every word of the search', async () => {
    const result = await search({ search: 'zorbulic births' });
    expect(result.hits.map((h) => h.id)).toEqual([inTitle.id]);
  });

  it('returns nothing, not everything, for a search made only of stop words', async () => {
    const result = await search({ search: 'the of and' });
    expect(result.total).toBe(0);
  });

  it('combines text, filters and facets in one answer', async () => {
    const result = await search({ search: 'quimbral', filter: { healthCategories: ['RQSH'] } });
    expect(result.total).toBe(2);
    expect(new Set(result.hits.map((h) => h.id))).toEqual(new Set([early.id, late.id]));
    const countries = Object.fromEntries(result.facets?.COUNTRY.map((f) => [f.value, f.count]) ?? []);
    expect(countries).toEqual({ FIN: 1, FRA: 1 });
    const categories = Object.fromEntries(result.facets?.HEALTH_CATEGORY.map((f) => [f.value, f.count]) ?? []);
    expect(categories).toEqual({ RQSH: 2, EHRS: 1 });
    const coding = Object.fromEntries(result.facets?.CODING_SYSTEM.map((f) => [f.value, f.count]) ?? []);
    expect(coding).toEqual({ ATC: 1, ICD_10: 1 });
  });

  it('keeps datasets whose temporal coverage overlaps the period, open ends included', async () => {
    const nineties = await search({ search: 'quimbral', filter: { temporalFrom: '1995-01-01', temporalTo: '1996-12-31' } });
    expect(nineties.hits.map((h) => h.id)).toEqual([early.id]);
    const recent = await search({ search: 'quimbral', filter: { temporalFrom: '2024-01-01' } });
    expect(recent.hits.map((h) => h.id)).toEqual([late.id]);
    const gap = await search({ search: 'quimbral', filter: { temporalFrom: '2001-01-01', temporalTo: '2010-12-31' } });
    expect(gap.total).toBe(0);
  });

  it('filters by access rights, country and coding system, each value list meaning "any of"', async () => {
    const result = await search({ search: 'quimbral', filter: { accessRights: ['PUBLIC'] } });
    expect(result.hits.map((h) => h.id)).toEqual([undated.id]);
    const either = await search({ search: 'quimbral', filter: { codingSystems: ['ATC', 'ICD_10'] } });
    expect(either.total).toBe(2);
    const both = await search({ search: 'quimbral', filter: { codingSystems: ['ATC'], countries: ['FRA'] } });
    expect(both.total).toBe(0);
  });

  it('pages by keyset: the second page starts right after the first', async () => {
    const all = await search({ search: 'quimbral', first: 10 });
    const first = await search({ search: 'quimbral', first: 2 });
    expect(first.hasNextPage).toBe(true);
    const second = await search({ search: 'quimbral', first: 2, after: first.hits[1]?.position });
    expect([...first.hits, ...second.hits].map((h) => h.id)).toEqual(all.hits.map((h) => h.id));
    expect(second.hasNextPage).toBe(false);
  });

  it('skips the total and facets when they are not asked for', async () => {
    const result = await search({ search: 'quimbral', withTotal: false, withFacets: false });
    expect(result.total).toBeNull();
    expect(result.facets).toBeNull();
    expect(result.hits).toHaveLength(3);
  });
});
