import { randomBytes } from 'node:crypto';
import { datasetRecord, type DatasetRecord, type DatasetRecordInput } from '../../subgraphs/catalog/model/dataset-record.js';

/**
 * A valid dataset record with a unique id, for tests that need data of their own. Fields default to a
 * plain French claims dataset published by CNAM (a demo-catalogue holder); `overrides` replace them.
 */
export function buildDataset(overrides: Partial<DatasetRecordInput> = {}): DatasetRecord {
  const id = overrides.id ?? `test-${randomBytes(5).toString('hex')}`;
  return datasetRecord.parse({
    id,
    identifier: `urn:test:${id}`,
    title: { fr: `Jeu de test ${id}`, en: `Test dataset ${id}` },
    description: { fr: 'Un jeu de données créé par un test.', en: 'A dataset created by a test.' },
    keywords: { fr: [], en: [] },
    themes: ['HEAL'],
    healthCategories: ['HRAD'],
    accessRights: 'RESTRICTED',
    publisher: 'cnam',
    contactPoint: { name: 'Test' },
    spatial: ['FRA'],
    ...overrides,
  });
}
