import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../../../platform/db/database.js';
import { buildDataset } from '../../../../test/support/dataset-builder.js';
import { createTestDatabase } from '../../../../test/support/test-database.js';
import { parseDatasetInput } from '../../model/dataset-input.js';
import type { DatasetRecord } from '../../model/dataset-record.js';
import { createCuratedDataset, updateCuratedDataset, withdrawCuratedDataset } from './curate-datasets.js';
import { countDatasetHistories, countDatasetHistory, latestDatasetHistories, listDatasetHistory } from './dataset-history.js';
import { getDatasetsByIds } from './datasets.js';
import { readDatasetRecord } from './read-dataset-record.js';
import { searchDatasets } from './search-datasets.js';

let database: Database;
const steward = { subject: 'steward-1', organisation: null };
const other = { subject: 'steward-2', organisation: 'cnam' };

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

function searchIds(search: string) {
  return searchDatasets(database.db, { search, filter: {}, order: 'RELEVANCE', language: 'en', first: 10, withTotal: false, withFacets: false }).then((r) =>
    r.hits.map((h) => h.id),
  );
}

async function create(record: DatasetRecord) {
  const outcome = await createCuratedDataset(database.db, record, steward, '2030-01-15');
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.version;
}

describe('createCuratedDataset', () => {
  it('writes the dataset, its distributions, its search entry and version 1, with dates defaulting to today', async () => {
    const record = buildDataset({
      title: { en: 'Frobnicated cohort', fr: 'Cohorte frobniquée' },
      distributions: [{ title: { en: 'CSV' }, accessUrl: 'https://example.org/d.csv' }],
    });
    const version = await create(record);
    expect(version).toMatchObject({ datasetId: record.id, version: 1, action: 'CREATED', actorSubject: 'steward-1', reason: null });
    expect(version.changedFields).toEqual(expect.arrayContaining(['title', 'distributions', 'issued', 'modified']));
    expect(await readDatasetRecord(database.db, record.id)).toStrictEqual({ ...record, issued: '2030-01-15', modified: '2030-01-15' });
    expect(version.record).toStrictEqual({ ...record, issued: '2030-01-15', modified: '2030-01-15' });
    expect(await searchIds('frobnicated')).toEqual([record.id]);
  });

  it('keeps dates the steward gave', async () => {
    const record = buildDataset({ issued: '2001-02-03', modified: '2002-03-04' });
    await create(record);
    expect(await readDatasetRecord(database.db, record.id)).toMatchObject({ issued: '2001-02-03', modified: '2002-03-04' });
  });

  it('refuses an id already in the catalogue and writes nothing', async () => {
    const outcome = await createCuratedDataset(database.db, buildDataset({ id: 'snds-dcir' }), steward, '2030-01-15');
    expect(outcome).toMatchObject({ ok: false, code: 'ALREADY_EXISTS', field: 'id' });
    expect(await countDatasetHistory(database.db, 'snds-dcir')).toBe(0);
  });

  it('refuses an unknown data holder and writes nothing', async () => {
    const record = buildDataset({ custodian: 'no-such-holder' });
    const outcome = await createCuratedDataset(database.db, record, steward, '2030-01-15');
    expect(outcome).toMatchObject({ ok: false, code: 'UNKNOWN_DATA_HOLDER', field: 'custodian' });
    expect(await getDatasetsByIds(database.db, [record.id])).toEqual([null]);
    expect(await countDatasetHistory(database.db, record.id)).toBe(0);
  });
});

describe('an invalid input', () => {
  it('is refused before anything is written, naming the first field at fault', async () => {
    const parsed = parseDatasetInput({ ...buildDataset(), id: 'bad-input-1', themes: ['SOCI'], distributions: [{ title: { en: 'x' }, accessUrl: 'nope' }] });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.field)).toEqual(['distributions.0.accessUrl', 'themes']);
    expect(await getDatasetsByIds(database.db, ['bad-input-1'])).toEqual([null]);
    expect(await countDatasetHistory(database.db, 'bad-input-1')).toBe(0);
  });

  it('may not rename a dataset on update', () => {
    const parsed = parseDatasetInput({ ...buildDataset(), id: 'another-id' }, 'snds-dcir');
    expect(parsed).toMatchObject({ ok: false, problems: [{ field: 'id' }] });
  });
});

describe('updateCuratedDataset', () => {
  it('replaces the description, sets modified to today, keeps issued and lists the changed fields', async () => {
    const record = buildDataset({ issued: '2010-05-05', modified: '2010-05-05', samples: [{ title: { en: 'S' }, accessUrl: 'https://example.org/s' }] });
    await create(record);
    const { issued: _issued, modified: _modified, samples: _samples, ...rest } = record;
    const edited: DatasetRecord = { ...rest, samples: [], title: { en: 'Glimmered registry' } };
    const outcome = await updateCuratedDataset(database.db, edited, other, '2030-02-01');
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.version).toMatchObject({ version: 2, action: 'UPDATED', actorSubject: 'steward-2', actorOrganisation: 'cnam' });
    expect(outcome.version.changedFields.sort()).toEqual(['modified', 'samples', 'title']);
    expect(await readDatasetRecord(database.db, record.id)).toStrictEqual({ ...edited, issued: '2010-05-05', modified: '2030-02-01' });
    expect(await searchIds('glimmered')).toEqual([record.id]);
    const history = await listDatasetHistory(database.db, { datasetId: record.id, limit: 10 });
    expect(history.map((v) => [v.version, v.action])).toEqual([
      [2, 'UPDATED'],
      [1, 'CREATED'],
    ]);
  });

  it('gives a seeded dataset its first history entry, diffed against the record read back from the tables', async () => {
    const stored = await readDatasetRecord(database.db, 'pmsi-mco');
    if (!stored) throw new Error('demo dataset pmsi-mco missing');
    const outcome = await updateCuratedDataset(database.db, { ...stored, version: 'v-curated' }, steward, '2030-03-01');
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.version.version).toBe(1);
    expect(outcome.version.changedFields.sort()).toEqual(stored.modified === '2030-03-01' ? ['version'] : ['modified', 'version']);
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    expect(await updateCuratedDataset(database.db, buildDataset(), steward, '2030-01-01')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it.runIf(inject('testEngine') === 'postgres')('numbers two concurrent updates of one dataset n+1 and n+2, losing neither', async () => {
    const record = buildDataset();
    await create(record);
    const outcomes = await Promise.all([
      updateCuratedDataset(database.db, { ...record, title: { en: 'Concurrent one' } }, steward, '2030-04-01'),
      updateCuratedDataset(database.db, { ...record, title: { en: 'Concurrent two' } }, other, '2030-04-01'),
    ]);
    expect(outcomes.map((o) => o.ok && o.version.version).sort()).toEqual([2, 3]);
    const history = await listDatasetHistory(database.db, { datasetId: record.id, limit: 10 });
    expect(history.map((v) => v.version)).toEqual([3, 2, 1]);
    // The later writer saw the earlier one's title as the state it changed.
    expect(history[0]?.changedFields).toContain('title');
    expect((await readDatasetRecord(database.db, record.id))?.title).toEqual(history[0]?.record?.title);
  });
});

describe('withdrawCuratedDataset', () => {
  it('removes the dataset from the catalogue and search while its history stays, and the id may be created again', async () => {
    const record = buildDataset({ title: { en: 'Quuxified survey' }, distributions: [{ title: { en: 'd' }, accessUrl: 'https://example.org/q' }] });
    await create(record);
    const outcome = await withdrawCuratedDataset(database.db, record.id, 'superseded by a newer survey', steward);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.version).toMatchObject({ version: 2, action: 'WITHDRAWN', record: null, reason: 'superseded by a newer survey', changedFields: [] });
    expect(await readDatasetRecord(database.db, record.id)).toBeNull();
    expect(await searchIds('quuxified')).toEqual([]);
    expect(await countDatasetHistory(database.db, record.id)).toBe(2);
    expect(await withdrawCuratedDataset(database.db, record.id, 'again and again', steward)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await create(record)).version).toBe(3);
  });
});

describe('listDatasetHistory', () => {
  it('pages newest first from a version', async () => {
    const record = buildDataset();
    await create(record);
    for (const en of ['b', 'c']) await updateCuratedDataset(database.db, { ...record, title: { en } }, steward, '2030-05-01');
    const page = await listDatasetHistory(database.db, { datasetId: record.id, limit: 2, beforeVersion: 3 });
    expect(page.map((v) => v.version)).toEqual([2, 1]);
  });
});

describe('latestDatasetHistories', () => {
  it('gives the newest entries of many datasets at once, in the order asked, empty for an uncurated one', async () => {
    const busy = buildDataset();
    const quiet = buildDataset();
    await create(busy);
    await create(quiet);
    for (const en of ['b', 'c']) await updateCuratedDataset(database.db, { ...busy, title: { en } }, steward, '2030-05-01');
    const pages = await latestDatasetHistories(database.db, ['snds-dcir', busy.id, quiet.id], 2);
    expect(pages.map((p) => p.map((v) => v.version))).toEqual([[], [3, 2], [1]]);
    expect(await countDatasetHistories(database.db, [quiet.id, busy.id, 'snds-dcir'])).toEqual([1, 3, 0]);
  });
});
