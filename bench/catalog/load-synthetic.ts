import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { queryRows } from '../../platform/db/rows.js';
import { analyzeCatalog, insertMissingDataHolders, insertMissingDatasets } from '../../subgraphs/catalog/db/queries/write-catalog.js';
import { dataHolderRecord, datasetRecord, type DatasetRecord } from '../../subgraphs/catalog/model/dataset-record.js';
import { syntheticDataHolders, syntheticDatasets } from '../../subgraphs/catalog/seed/synthetic.js';

/** Datasets written per transaction while loading. */
const BATCH = 2000;

/**
 * Makes the catalogue hold `count` synthetic datasets (seed 42) besides the demo ones. Already-present ids
 * are skipped, so a second run only checks. Returns how many were inserted and how long it took.
 */
export async function loadSyntheticCatalog(database: Database, count: number, log: (line: string) => void) {
  const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM catalog.dataset WHERE id LIKE 'syn-%'`);
  if ((row?.n ?? 0) >= count) return { inserted: 0, ms: 0 };
  const started = performance.now();
  const holders = syntheticDataHolders({ count: 200, seed: 42 }).map((h) => dataHolderRecord.parse(h));
  await database.db.transaction((tx) => insertMissingDataHolders(tx, holders));
  let batch: DatasetRecord[] = [];
  let inserted = 0;
  const flush = async () => {
    const records = batch;
    batch = [];
    inserted += await database.db.transaction((tx) => insertMissingDatasets(tx, records));
    log(`  loaded ${inserted} synthetic datasets (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  };
  for (const record of syntheticDatasets({ datasets: count, seed: 42, holders: 200 })) {
    batch.push(datasetRecord.parse(record));
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  await analyzeCatalog(database.db);
  return { inserted, ms: performance.now() - started };
}
