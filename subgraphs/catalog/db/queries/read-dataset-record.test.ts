import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../platform/db/database.js';
import { buildDataset } from '../../../../test/support/dataset-builder.js';
import { createTestDatabase } from '../../../../test/support/test-database.js';
import { withoutNulls } from '../../model/dataset-input.js';
import { demoDatasets } from '../../seed/seed-demo.js';
import { readDatasetRecord } from './read-dataset-record.js';
import { insertMissingDatasets } from './write-catalog.js';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe('readDatasetRecord', () => {
  it('returns exactly the record the seed wrote, for every demo dataset', async () => {
    for (const record of demoDatasets()) {
      // The seeded record with its defaults applied and its absent optional fields left out.
      expect(await readDatasetRecord(database.db, record.id), record.id).toStrictEqual(withoutNulls(record));
    }
  });

  it('rebuilds distributions and samples in their order, with every optional field', async () => {
    const record = buildDataset({
      temporal: { start: '2001-01-01' },
      spatialDetail: { fr: 'Bretagne' },
      numberOfRecords: 12,
      issued: '2020-02-02',
      distributions: [
        { title: { en: 'First' }, accessUrl: 'https://example.org/1', format: 'CSV', mediaType: 'text/csv', byteSize: 10, rights: { fr: 'Libre' } },
        { title: { fr: 'Deuxième' }, accessUrl: 'https://example.org/2', downloadUrl: 'https://example.org/2.csv' },
      ],
      samples: [{ title: { en: 'Sample' }, description: { en: 'Ten rows' }, accessUrl: 'https://example.org/s' }],
    });
    await database.db.transaction((tx) => insertMissingDatasets(tx, [record]));
    expect(await readDatasetRecord(database.db, record.id)).toStrictEqual(withoutNulls(record));
  });

  it('returns null for an unknown id', async () => {
    expect(await readDatasetRecord(database.db, 'no-such-dataset')).toBeNull();
  });
});
