import type { Database } from '../../../platform/db/database.js';
import { analyzeCatalog, insertMissingDataHolders, insertMissingDatasets } from '../db/queries/write-catalog.js';
import { dataHolderRecord, datasetRecord } from '../model/dataset-record.js';
import { dataHolders } from './data-holders.js';
import { europeanDatasets } from './datasets-europe.js';
import { frenchDatasets } from './datasets-france.js';
import { sndsDatasets } from './datasets-snds.js';

/** Every dataset of the demo catalogue, validated. */
export function demoDatasets() {
  return [...sndsDatasets, ...frenchDatasets, ...europeanDatasets].map((d) => datasetRecord.parse(d));
}

/** Every data holder of the demo catalogue, validated. */
export function demoDataHolders() {
  return dataHolders.map((h) => dataHolderRecord.parse(h));
}

/**
 * Writes the demo catalogue's holders and datasets that are missing, in one transaction. Idempotent: what
 * exists (including edits made through the API) is left alone, and a failure writes nothing.
 */
export async function seedDemoCatalog(database: Database): Promise<{ holders: number; datasets: number }> {
  const holders = demoDataHolders();
  const datasets = demoDatasets();
  const inserted = await database.db.transaction(async (tx) => ({
    holders: await insertMissingDataHolders(tx, holders),
    datasets: await insertMissingDatasets(tx, datasets),
  }));
  if (inserted.datasets > 0) await analyzeCatalog(database.db);
  return inserted;
}
