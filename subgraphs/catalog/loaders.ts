import DataLoader from 'dataloader';
import type { Db } from '../../platform/db/database.js';
import { getDataHoldersByIds, type DataHolderRow } from './db/queries/data-holders.js';
import { countDatasetsByPublisher, getDatasetsByIds, type DatasetRow } from './db/queries/datasets.js';
import { getDistributionsByDatasetIds, type DistributionRow } from './db/queries/distributions.js';

/** The per-request DataLoaders of the catalog subgraph. */
export interface CatalogLoaders {
  dataset: DataLoader<string, DatasetRow | null>;
  dataHolder: DataLoader<string, DataHolderRow | null>;
  distributions: DataLoader<string, DistributionRow[]>;
  samples: DataLoader<string, DistributionRow[]>;
  datasetCountByPublisher: DataLoader<string, number>;
}

/**
 * Creates fresh loaders for one request: every entity reference and nested list of a response is read
 * with one statement per kind, whatever the page size. Never share them between requests.
 */
export function createLoaders(db: Db): CatalogLoaders {
  return {
    dataset: new DataLoader((ids) => getDatasetsByIds(db, ids)),
    dataHolder: new DataLoader((ids) => getDataHoldersByIds(db, ids)),
    distributions: new DataLoader((ids) => getDistributionsByDatasetIds(db, ids, 'distribution')),
    samples: new DataLoader((ids) => getDistributionsByDatasetIds(db, ids, 'sample')),
    datasetCountByPublisher: new DataLoader((ids) => countDatasetsByPublisher(db, ids)),
  };
}
