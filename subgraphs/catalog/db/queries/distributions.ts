import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { distribution } from '../schema/distribution.js';

export type DistributionRow = typeof distribution.$inferSelect;
export type DistributionKind = DistributionRow['kind'];

/**
 * The distributions (or samples) of each dataset, one list per id in the order of `datasetIds`, each list
 * in the publisher's order; an empty list for a dataset without any.
 */
export async function getDistributionsByDatasetIds(
  db: Db,
  datasetIds: readonly string[],
  kind: DistributionKind,
): Promise<DistributionRow[][]> {
  if (datasetIds.length === 0) return [];
  const rows = await db
    .select()
    .from(distribution)
    .where(and(inArray(distribution.datasetId, [...datasetIds]), eq(distribution.kind, kind)))
    .orderBy(asc(distribution.datasetId), asc(distribution.position));
  const byDataset = new Map<string, DistributionRow[]>();
  for (const row of rows) {
    const list = byDataset.get(row.datasetId);
    if (list) list.push(row);
    else byDataset.set(row.datasetId, [row]);
  }
  return datasetIds.map((id) => byDataset.get(id) ?? []);
}
