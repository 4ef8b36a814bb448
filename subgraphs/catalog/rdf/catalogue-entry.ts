import type { DataHolderRow } from '../db/queries/data-holders.js';
import type { DatasetRow } from '../db/queries/datasets.js';
import type { DistributionRow } from '../db/queries/distributions.js';

/** One dataset as the export describes it: its row, its distributions, samples and analytics in publisher order. */
export interface CatalogueEntry {
  readonly dataset: DatasetRow;
  readonly distributions: readonly DistributionRow[];
  readonly samples: readonly DistributionRow[];
  readonly analytics: readonly DistributionRow[];
}

/** The data holders the entries of a document refer to, by id. */
export type HolderIndex = ReadonlyMap<string, DataHolderRow>;

/** The ids of every data holder a dataset names (publisher, custodian, access body). */
export function holderIdsOf(d: DatasetRow): string[] {
  return [d.publisherId, d.custodianId, d.accessBodyId].filter((id): id is string => id !== null);
}
