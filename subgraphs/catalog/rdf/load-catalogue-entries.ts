import type { Db } from '../../../platform/db/database.js';
import { getDataHoldersByIds, type DataHolderRow } from '../db/queries/data-holders.js';
import type { DatasetRow } from '../db/queries/datasets.js';
import { getDistributionsByDatasetIds } from '../db/queries/distributions.js';
import { holderIdsOf, type CatalogueEntry, type HolderIndex } from './catalogue-entry.js';

/**
 * Reads what the export needs besides the dataset rows: their distributions, samples, analytics and data
 * holders. Four statements whatever the number of datasets.
 */
export async function loadCatalogueEntries(db: Db, rows: readonly DatasetRow[]): Promise<{ entries: CatalogueEntry[]; holders: HolderIndex }> {
  const ids = rows.map((r) => r.id);
  const holderIds = [...new Set(rows.flatMap(holderIdsOf))];
  const [distributions, samples, analytics, holderRows] = await Promise.all([
    getDistributionsByDatasetIds(db, ids, 'distribution'),
    getDistributionsByDatasetIds(db, ids, 'sample'),
    getDistributionsByDatasetIds(db, ids, 'analytics'),
    getDataHoldersByIds(db, holderIds),
  ]);
  const holders = new Map<string, DataHolderRow>();
  for (const holder of holderRows) if (holder) holders.set(holder.id, holder);
  const entries = rows.map((dataset, i) => ({ dataset, distributions: distributions[i] ?? [], samples: samples[i] ?? [], analytics: analytics[i] ?? [] }));
  return { entries, holders };
}
