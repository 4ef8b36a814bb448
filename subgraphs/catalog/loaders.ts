import DataLoader from 'dataloader';
import type { Db } from '../../platform/db/database.js';
import type { CatalogRecordCache } from './catalog-record-cache.js';
import { getDataHoldersByIds, type DataHolderRow } from './db/queries/data-holders.js';
import { countDatasetsByPublisher, getDatasetsByIds, type DatasetRow } from './db/queries/datasets.js';
import { getDistributionsByDatasetIds, type DistributionRow } from './db/queries/distributions.js';
import { getHarvestSources, latestHarvestRuns, type HarvestRunRow, type HarvestSourceRow } from './db/queries/harvest-sources.js';
import { countDatasetHistories, latestDatasetHistories, type DatasetVersionRow } from './db/queries/dataset-history.js';

/** The per-request DataLoaders of the catalog subgraph. */
export interface CatalogLoaders {
  dataset: DataLoader<string, DatasetRow | null>;
  dataHolder: DataLoader<string, DataHolderRow | null>;
  distributions: DataLoader<string, DistributionRow[]>;
  samples: DataLoader<string, DistributionRow[]>;
  analytics: DataLoader<string, DistributionRow[]>;
  datasetCountByPublisher: DataLoader<string, number>;
  /** The first page of each dataset's history, keyed by `<limit>:<dataset id>`. */
  historyFirstPage: DataLoader<string, DatasetVersionRow[]>;
  historyCount: DataLoader<string, number>;
  harvestSource: DataLoader<string, HarvestSourceRow | null>;
  /** The latest run of each harvest source, read from the primary (a run may have just ended). */
  lastHarvestRun: DataLoader<string, HarvestRunRow | null>;
}

/**
 * Creates fresh loaders for one request: every entity reference and nested list of a response is read
 * with one statement per kind, whatever the page size. Never share them between requests. With
 * `records`, datasets, data holders and distributions kept between requests are answered from memory
 * (see `CatalogRecordCache`; not for requests that write). Each batch reads from the handle `reads`
 * gives at that moment (the replica or the primary, as `ReadRouting` decides).
 */
export function createLoaders(reads: () => Db, records?: CatalogRecordCache, primary: () => Db = reads): CatalogLoaders {
  const kept = <V>(kind: string, load: (keys: readonly string[]) => Promise<V[]>) => (records ? records.through(kind, load) : load);
  return {
    dataset: new DataLoader(kept('dataset', (ids) => getDatasetsByIds(reads(), ids))),
    dataHolder: new DataLoader(kept('dataHolder', (ids) => getDataHoldersByIds(reads(), ids))),
    harvestSource: new DataLoader(async (ids) => {
      const rows = await getHarvestSources(reads(), ids);
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
    lastHarvestRun: new DataLoader(async (ids) => {
      const rows = await latestHarvestRuns(primary(), ids);
      return ids.map((id) => rows.find((r) => r.sourceId === id) ?? null);
    }),
    distributions: new DataLoader(kept('distributions', (ids) => getDistributionsByDatasetIds(reads(), ids, 'distribution'))),
    samples: new DataLoader((ids) => getDistributionsByDatasetIds(reads(), ids, 'sample')),
    analytics: new DataLoader((ids) => getDistributionsByDatasetIds(reads(), ids, 'analytics')),
    datasetCountByPublisher: new DataLoader((ids) => countDatasetsByPublisher(reads(), ids)),
    historyFirstPage: new DataLoader(async (keys) => {
      // One statement per page size asked (in practice one): keys are `<limit>:<dataset id>`.
      const byLimit = new Map<number, string[]>();
      for (const key of keys) {
        const at = key.indexOf(':');
        const limit = Number(key.slice(0, at));
        byLimit.set(limit, [...(byLimit.get(limit) ?? []), key.slice(at + 1)]);
      }
      const found = new Map<string, DatasetVersionRow[]>();
      for (const [limit, ids] of byLimit) {
        const pages = await latestDatasetHistories(reads(), ids, limit);
        ids.forEach((id, i) => found.set(`${limit}:${id}`, pages[i] ?? []));
      }
      return keys.map((k) => found.get(k) ?? []);
    }),
    historyCount: new DataLoader((ids) => countDatasetHistories(reads(), ids)),
  };
}
